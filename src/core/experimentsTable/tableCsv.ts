/** CSV export of the visible table (RFC 4180: CRLF line ends, fields quoted when they need it). */

/**
 * One field. Quoted when it holds a comma, quote, CR or LF (quotes doubled). Text that a spreadsheet would
 * run as a formula (`=`, `+`, `-`, `@` first, and not a number) gets a leading apostrophe: experiment names
 * and params come from the workspace and should not execute in Excel.
 */
export function csvField(value: string): string {
  let text = value;
  if (/^[=+\-@\t\r]/.test(text) && Number.isNaN(Number(text))) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((fields) => fields.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
