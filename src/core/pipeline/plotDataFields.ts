/**
 * The field names of a plot data file, for the x/y pickers of "Add Plot": the header of a CSV/TSV file, or
 * the keys of the first record of a JSON/YAML file (a list of records, or an object holding one under a
 * key, as DVC accepts both).
 */
import { parse as parseYaml } from 'yaml';

export type FieldsResult =
  { readonly ok: true; readonly fields: string[] } | { readonly ok: false; readonly reason: string };

function headerFields(line: string, separator: string): string[] {
  return line
    .split(separator)
    .map((field) => field.trim().replace(/^"(.*)"$/, '$1'))
    .filter((field) => field !== '');
}

function firstRecord(value: unknown): Record<string, unknown> | undefined {
  const isRecord = (item: unknown): item is Record<string, unknown> =>
    typeof item === 'object' && item !== null && !Array.isArray(item);
  if (Array.isArray(value)) return value.find(isRecord);
  if (isRecord(value))
    for (const inner of Object.values(value)) {
      const found = Array.isArray(inner) ? inner.find(isRecord) : undefined;
      if (found) return found;
    }
  return undefined;
}

export function plotDataFields(file: string, text: string): FieldsResult {
  const extension = /\.([^./]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  if (extension === 'csv' || extension === 'tsv') {
    const header = text.split(/\r?\n/, 1)[0] ?? '';
    const fields = headerFields(header, extension === 'tsv' ? '\t' : ',');
    return fields.length > 0 ? { ok: true, fields } : { ok: false, reason: `${file} has no header line.` };
  }
  if (extension === 'json' || extension === 'yaml' || extension === 'yml') {
    let value: unknown;
    try {
      value = extension === 'json' ? JSON.parse(text) : parseYaml(text);
    } catch (error) {
      return {
        ok: false,
        reason: `${file} does not parse: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    const record = firstRecord(value);
    return record && Object.keys(record).length > 0
      ? { ok: true, fields: Object.keys(record) }
      : { ok: false, reason: `${file} holds no list of records (like [{"epoch": 1, "loss": 0.5}]) to plot.` };
  }
  return { ok: false, reason: `${file} is not a JSON, YAML, CSV or TSV file.` };
}
