/**
 * A CSV or TSV data series read the way DVC reads it for plots (Python's csv.DictReader): the first line is
 * the header, every value stays a string, quoted fields may hold the delimiter, quotes ("") and newlines.
 */

/** The delimiter of a plot source by its extension; undefined for anything that is not CSV/TSV. */
export function delimiterOf(path: string): string | undefined {
  if (/\.tsv$/i.test(path)) return '\t';
  if (/\.csv$/i.test(path)) return ',';
  return undefined;
}

export interface DelimitedTable {
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<Readonly<Record<string, string>>>;
}

/** Undefined when the text has no header, a row has more fields than the header (DVC would differ), or a
 * quote is never closed ({@link readDelimited} says which). */
export function parseDelimited(text: string, delimiter: string): DelimitedTable | undefined {
  const read = readDelimited(text, delimiter);
  return 'table' in read ? read.table : undefined;
}

/**
 * The table, or why the file is broken. An unterminated quote makes Python's csv module (and so DVC) read
 * every later line into one field: the plot would quietly lose its rows, so it is an error here instead.
 */
export function readDelimited(
  text: string,
  delimiter: string,
): { readonly table: DelimitedTable } | { readonly error: string } | { readonly unusable: true } {
  const { records, openQuoteAt } = splitRecords(text, delimiter);
  if (openQuoteAt !== undefined) {
    const line = text.slice(0, openQuoteAt).split('\n').length;
    return {
      error: `The quoted field that starts on line ${line} is never closed: every row after it would be read into that one field`,
    };
  }
  const table = tableOf(records);
  return table ? { table } : { unusable: true };
}

function tableOf(records: readonly string[][]): DelimitedTable | undefined {
  const [header, ...lines] = records;
  if (!header || header.length === 0 || header.every((name) => name === '')) return undefined;
  const rows: Record<string, string>[] = [];
  for (const fields of lines) {
    // A blank line (the end of a file being written, or an empty last line) is skipped, as DictReader does.
    if (fields.length === 1 && fields[0] === '') continue;
    if (fields.length > header.length) return undefined;
    const row: Record<string, string> = {};
    header.forEach((name, index) => {
      row[name] = fields[index] ?? '';
    });
    rows.push(row);
  }
  return { header, rows };
}

function splitRecords(
  text: string,
  delimiter: string,
): { readonly records: string[][]; readonly openQuoteAt: number | undefined } {
  const records: string[][] = [];
  let quoteStart = 0;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char !== '"') field += char;
      else if (text[index + 1] === '"') {
        field += '"';
        index++;
      } else quoted = false;
      continue;
    }
    if (char === '"' && atFieldStart) {
      quoted = true;
      quoteStart = index;
      atFieldStart = false;
    } else if (char === delimiter) {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      atFieldStart = true;
    } else {
      field += char;
      atFieldStart = false;
    }
  }
  if (field !== '' || fields.length > 0 || quoted) {
    fields.push(field);
    records.push(fields);
  }
  return { records, openQuoteAt: quoted ? quoteStart : undefined };
}
