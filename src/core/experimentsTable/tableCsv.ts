/** CSV export of the visible table (RFC 4180: CRLF line ends, fields quoted when they need it). */
import { csvField } from '../csvField';

/** One field: formula text neutralised, quoted when needed (see core/csvField.ts, shared with plot exports). */
export { csvField };

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((fields) => fields.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
