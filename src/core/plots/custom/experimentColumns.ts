/**
 * The params and metrics of an experiments model that a custom plot can use: every `file:key` with at least
 * one finite number in some row. Ids follow the experiments table's (`params:params.yaml:train.epochs`).
 */
import { allRows, type ExperimentRow, type ExperimentsModel } from '../../experiments/experimentModel';

export type ColumnSource = 'params' | 'metrics';

export interface ExperimentColumn {
  /** `params:<file>:<key>` or `metrics:<file>:<key>`. */
  readonly id: string;
  readonly source: ColumnSource;
  readonly file: string;
  readonly key: string;
  /** The key alone, or `file:key` when another file has the same key. */
  readonly label: string;
}

export function columnId(source: ColumnSource, file: string, key: string): string {
  return `${source}:${file}:${key}`;
}

/** Splits a column id; undefined for anything else. Keys may contain ':' (only the first two separate). */
export function parseColumnId(id: string): { source: ColumnSource; file: string; key: string } | undefined {
  const match = /^(params|metrics):([^:]+):(.+)$/.exec(id);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { source: match[1] as ColumnSource, file: match[2], key: match[3] };
}

/** A row's value of a column as a finite number; undefined when missing or not a number (NaN, text). */
export function numericValue(row: ExperimentRow, id: string): number | undefined {
  const parsed = parseColumnId(id);
  if (!parsed) return undefined;
  const value = row[parsed.source][parsed.file]?.[parsed.key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Rows a custom plot draws: everything DVC has values for (queued experiments have none yet). */
export function plottableRows(model: ExperimentsModel): ExperimentRow[] {
  return allRows(model).filter((row) => row.state !== 'queued');
}

/** Params first, then metrics; files and keys in the order DVC lists them. */
export function experimentColumns(model: ExperimentsModel | undefined): ExperimentColumn[] {
  if (!model) return [];
  const found = new Map<string, Omit<ExperimentColumn, 'label'>>();
  const rows = plottableRows(model);
  for (const source of ['params', 'metrics'] as const)
    for (const row of rows)
      for (const [file, values] of Object.entries(row[source]))
        for (const [key, value] of Object.entries(values)) {
          const id = columnId(source, file, key);
          if (found.has(id) || typeof value !== 'number' || !Number.isFinite(value)) continue;
          found.set(id, { id, source, file, key });
        }
  const columns = [...found.values()];
  return columns.map((column) => ({
    ...column,
    label: columns.some((other) => other.key === column.key && other.id !== column.id)
      ? `${column.file}:${column.key}`
      : column.key,
  }));
}

/**
 * A column named the way a person (or a test) writes it: the full id, `file:key`, or the key alone when only
 * one file has it. Undefined when nothing or more than one column matches.
 */
export function resolveColumn(
  columns: readonly ExperimentColumn[],
  name: string,
): ExperimentColumn | undefined {
  const exact = columns.find((column) => column.id === name);
  if (exact) return exact;
  const matches = columns.filter((column) => `${column.file}:${column.key}` === name || column.key === name);
  return matches.length === 1 ? matches[0] : undefined;
}

/** What a person reads for a column id: the model's label, else the key (a column gone from the model). */
export function columnLabel(columns: readonly ExperimentColumn[], id: string): string {
  return columns.find((column) => column.id === id)?.label ?? parseColumnId(id)?.key ?? id;
}
