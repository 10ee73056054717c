/**
 * The data rows of a template plot, as a person exports them: CSV (one header of every field seen, in first-
 * seen order) or JSON. DVC's rows carry the revision in `rev` (and `filename`/`field` for multi-file plots).
 */
import { csvField } from '../csvField';

export type PlotRow = Readonly<Record<string, unknown>>;

/** The rows DVC put inline in the spec (`data.values`). */
export function plotRows(spec: Readonly<Record<string, unknown>>): PlotRow[] {
  const data = spec.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  const values = (data as Record<string, unknown>).values;
  return Array.isArray(values)
    ? values.filter((row): row is PlotRow => typeof row === 'object' && row !== null && !Array.isArray(row))
    : [];
}

export function rowsToCsv(rows: readonly PlotRow[]): string {
  const fields: string[] = [];
  const known = new Set<string>();
  for (const row of rows)
    for (const field of Object.keys(row))
      if (!known.has(field)) {
        known.add(field);
        fields.push(field);
      }
  const lines = [fields.map(csvCell).join(',')];
  for (const row of rows) lines.push(fields.map((field) => csvCell(row[field])).join(','));
  return `${lines.join('\n')}\n`;
}

export function rowsToJson(rows: readonly PlotRow[]): string {
  return `${JSON.stringify(rows, null, 2)}\n`;
}

/** Rows come from a repository's files: the table's field rule (formulas neutralised, RFC 4180 quoting). */
function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text =
    typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  return csvField(text);
}
