/**
 * The experiments model (src/core/experiments) as the experiments table's rows and columns: one column per
 * param and metric key of each file (grouped by file, in DVC's order of first appearance), dependency hashes
 * as columns hidden by default, and rows nested workspace → commits → experiments.
 */
import type {
  ExperimentRow,
  ExperimentValue,
  ExperimentsModel,
  ValuesByFile,
} from '../experiments/experimentModel';
import { allRows } from '../experiments/experimentModel';
import { isNotInCacheMessage } from '../experiments/filesNotInCache';
import { lastFlatKeySegment } from '../experiments/flattenValues';
import type {
  CellValue,
  TableColumn,
  TableColumnKind,
  TableColumnType,
  TableRow,
} from '../protocols/experimentsTableProtocol';
import type { TableRowInput } from './tableValues';

export interface ExperimentsTableData {
  readonly columns: TableColumn[];
  readonly rows: TableRowInput[];
}

export function experimentsTableData(model: ExperimentsModel): ExperimentsTableData {
  const rows = allRows(model);
  type ColumnEntry = { column: Omit<TableColumn, 'type'>; types: Set<TableColumnType> };
  const columns = new Map<string, ColumnEntry>();
  // By group, then key: 10,000 rows x 300 keys would otherwise build 3 million ids and column objects
  // only to find the column already known.
  const groups = new Map<string, Map<string, ColumnEntry>>();
  const entryOf = (group: string, key: string, make: () => Omit<TableColumn, 'type'>): ColumnEntry => {
    let known = groups.get(group);
    if (!known) {
      known = new Map();
      groups.set(group, known);
    }
    let entry = known.get(key);
    if (!entry) {
      entry = { column: make(), types: new Set() };
      known.set(key, entry);
      columns.set(entry.column.id, entry);
    }
    return entry;
  };
  const setCell = (values: Record<string, CellValue | null>, entry: ColumnEntry, value: CellValue | null) => {
    values[entry.column.id] = value;
    if (value !== null && value !== undefined) entry.types.add(typeOf(value));
  };

  const inputs = rows.map((row): TableRowInput => {
    const values: Record<string, CellValue | null> = {};
    for (const kind of ['params', 'metrics'] as const)
      for (const [file, flat] of Object.entries(valuesOf(row, kind))) {
        const group = `${kind}:${file}`;
        for (const [path, raw] of Object.entries(flat)) {
          const entry = entryOf(group, path, () => ({
            id: `${group}:${path}`,
            group,
            kind,
            label: lastSegment(path),
            path,
          }));
          setCell(values, entry, cellOf(raw));
        }
      }
    for (const [path, hash] of Object.entries(row.deps)) {
      const entry = entryOf('deps', path, () => ({
        id: `deps:${path}`,
        group: 'deps',
        kind: 'deps',
        label: path,
        path,
        hiddenByDefault: true,
      }));
      setCell(values, entry, hash ?? null);
    }
    return { ...tableRow(row), values };
  });

  addUnreadableMetricFiles(rows, inputs, columns, entryOf, setCell);

  // Metrics first (what a person compares experiments by, and the order `dvc exp show` uses), then params,
  // then deps; within a kind the order DVC first named them in.
  const rank: Readonly<Record<TableColumnKind, number>> = { created: -1, metrics: 0, params: 1, deps: 2 };
  const ordered = [...columns.values()]
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => rank[a.entry.column.kind] - rank[b.entry.column.kind] || a.index - b.index)
    .map(({ entry }): TableColumn => ({ ...entry.column, type: columnType(entry.types) }));
  return { columns: ordered, rows: inputs };
}

function tableRow(row: ExperimentRow): TableRow {
  const problems = [
    row.error,
    ...Object.entries(row.fileErrors).map(([file, message]) => `${file}: ${message}`),
  ];
  const description = problems.filter((text): text is string => text !== undefined).join('\n');
  return {
    id: row.id,
    label: row.label,
    kind: row.kind,
    ...(row.kind === 'experiment' && row.baseline !== undefined ? { parentId: row.baseline } : {}),
    ...(row.state !== undefined ? { state: row.state } : {}),
    ...(row.rev !== 'workspace' ? { sha: row.rev } : {}),
    ...(row.timestamp !== undefined ? { timestamp: row.timestamp } : {}),
    ...(description !== '' ? { description } : {}),
  };
}

function valuesOf(row: ExperimentRow, kind: 'params' | 'metrics'): ValuesByFile {
  return kind === 'params' ? row.params : row.metrics;
}

/** Lists have no column type of their own: they show as their JSON text. */
function cellOf(value: ExperimentValue): CellValue | null {
  if (value === null) return null;
  if (Array.isArray(value)) return JSON.stringify(value);
  return value as CellValue;
}

function typeOf(value: NonNullable<CellValue>): TableColumnType {
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
}

/** One type when every value agrees; mixed columns sort and filter as text. */
function columnType(types: ReadonlySet<TableColumnType>): TableColumnType {
  return types.size === 1 ? ([...types][0] ?? 'string') : 'string';
}

function lastSegment(path: string): string {
  return lastFlatKeySegment(path);
}

/**
 * A metrics file DVC could not read in any row (a cached output not pulled: "No storage files available")
 * still gets its column, with the reason in each such cell ("not in cache"), so the table says why the
 * metrics are missing instead of silently having none (issue 13).
 */
function addUnreadableMetricFiles<Entry extends { column: Omit<TableColumn, 'type'> }>(
  rows: readonly ExperimentRow[],
  inputs: readonly TableRowInput[],
  columns: ReadonlyMap<string, Entry>,
  entryOf: (group: string, key: string, make: () => Omit<TableColumn, 'type'>) => Entry,
  setCell: (values: Record<string, CellValue | null>, entry: Entry, value: CellValue | null) => void,
): void {
  const readGroups = new Set([...columns.values()].map((entry) => entry.column.group));
  const paramsFiles = new Set(rows.flatMap((row) => Object.keys(row.params)));
  rows.forEach((row, index) => {
    const input = inputs[index];
    if (!input) return;
    for (const [file, message] of Object.entries(row.fileErrors)) {
      const group = `metrics:${file}`;
      if (paramsFiles.has(file) || readGroups.has(group)) continue;
      const entry = entryOf(group, '', () => ({
        id: `${group}:`,
        group,
        kind: 'metrics',
        label: file,
        path: '',
      }));
      setCell(input.values, entry, isNotInCacheMessage(message) ? 'not in cache' : 'unreadable');
    }
  });
}
