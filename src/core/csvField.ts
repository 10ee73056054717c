/**
 * One CSV field as every export of DVC Lens writes it (the experiments table, plot data). Cells come from the
 * workspace (experiment names, params, plot rows from a repository's files), and a spreadsheet runs a cell
 * that starts with `=`, `+`, `-` or `@` as a formula (`=HYPERLINK(…)` sends data away), and some also after a
 * leading tab or CR. Such text gets a leading apostrophe, which spreadsheets show as text. Numbers (`-2`,
 * `+1.5e3`, `-Infinity`) stay as they are: they are the data, and a spreadsheet reads them as numbers.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|Infinity)$/;

/** `text` as a spreadsheet shows it, never as a formula it would run. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** A neutralised field, quoted per RFC 4180 when it holds a comma, quote, CR or LF (quotes doubled). */
export function csvField(value: string): string {
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
