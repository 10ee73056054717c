/**
 * A synthetic experiments table of any size, for the benchmark and the tests: a workspace, commits, and
 * experiments under each commit; params, metrics (some NaN/Infinity, some missing) and dependency hashes.
 * Deterministic (a small linear congruential generator), so runs compare.
 */
import type { TableColumn, TableRowState } from '../../../src/core/protocols/experimentsTableProtocol';
import { toTableSnapshot, type TableRowInput } from '../../../src/core/experimentsTable/tableValues';
import type { TableSnapshot } from '../../../src/core/protocols/experimentsTableProtocol';

export function syntheticColumns(count: number): TableColumn[] {
  const columns: TableColumn[] = [];
  const params = Math.round(count / 3);
  const deps = Math.min(20, Math.round(count / 15));
  for (let index = 0; index < count; index++) {
    if (index < params) {
      const file = index % 4 === 0 ? 'train.yaml' : 'params.yaml';
      const path = `stage${index % 7}.p${index}`;
      columns.push({
        id: `params:${file}:${path}`,
        group: `params:${file}`,
        kind: 'params',
        label: `p${index}`,
        path,
        type: index % 5 === 0 ? 'string' : 'number',
      });
    } else if (index < count - deps) {
      const file = index % 3 === 0 ? 'eval/metrics.json' : 'metrics.json';
      const path = `m${index}`;
      columns.push({
        id: `metrics:${file}:${path}`,
        group: `metrics:${file}`,
        kind: 'metrics',
        label: path,
        path,
        type: 'number',
        direction: index % 2 === 0 ? 'higher' : 'lower',
      });
    } else {
      const path = `data/file${index}.csv`;
      columns.push({
        id: `deps:${path}`,
        group: 'deps',
        kind: 'deps',
        label: path,
        path,
        type: 'string',
        hiddenByDefault: true,
      });
    }
  }
  return columns;
}

const states: readonly TableRowState[] = ['success', 'success', 'success', 'failed', 'queued', 'running'];

export function syntheticSnapshot(
  experiments: number,
  columnCount: number,
  options: { commits?: number; label?: (index: number) => string } = {},
): TableSnapshot {
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const columns = syntheticColumns(columnCount);
  const commits = options.commits ?? Math.max(1, Math.ceil(experiments / 50));
  const rows: TableRowInput[] = [];
  const valuesOf = (row: number): Record<string, number | string | null> => {
    const values: Record<string, number | string | null> = {};
    columns.forEach((column, index) => {
      if (column.kind === 'params')
        values[column.id] =
          column.type === 'string' ? `v${(row + index) % 3}` : Math.round(random() * 1000) / 1000;
      else if (column.kind === 'metrics') {
        const roll = random();
        values[column.id] =
          roll < 0.01 ? Number.NaN : roll < 0.015 ? Number.POSITIVE_INFINITY : roll < 0.05 ? null : roll;
      } else values[column.id] = (row * 2654435761 + index).toString(16).slice(0, 8);
    });
    return values;
  };
  rows.push({ id: 'workspace', label: 'workspace', kind: 'workspace', values: valuesOf(0) });
  let made = 0;
  for (let commit = 0; commit < commits; commit++) {
    const sha = (0x1000000 + commit * 7919).toString(16).padStart(40, 'a');
    rows.push({
      id: sha,
      label: commit === 0 ? 'main' : sha.slice(0, 7),
      description: `Commit number ${commit}`,
      kind: 'commit',
      sha,
      timestamp: new Date(Date.UTC(2026, 0, 1) - commit * 3_600_000).toISOString(),
      values: valuesOf(rows.length),
    });
    const share = Math.ceil((experiments - made) / (commits - commit));
    for (let index = 0; index < share; index++, made++) {
      const expSha = (0x2000000 + made * 104729).toString(16).padStart(40, 'b');
      rows.push({
        id: expSha,
        label: options.label?.(made) ?? `exp-${made.toString(36)}`,
        kind: 'experiment',
        parentId: sha,
        sha: expSha,
        state: states[made % states.length]!,
        values: valuesOf(rows.length),
      });
    }
  }
  return toTableSnapshot(columns, rows);
}
