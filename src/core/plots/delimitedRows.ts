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

/** Undefined when the text has no header or a row has more fields than the header (DVC would differ). */
export function parseDelimited(text: string, delimiter: string): DelimitedTable | undefined {
  const records = splitRecords(text, delimiter);
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

function splitRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
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
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push(fields);
  }
  return records;
}
