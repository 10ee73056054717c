/**
 * Remote runs as rows of the experiments table: each under its baseline commit (or at the end when that
 * commit is not in the table), with its baseline's params changed by its `-S` values, and its target, job
 * and state for the label cell. Once pulled home the run is an ordinary experiment row and this row goes.
 */
import {
  remoteRunBadge,
  remoteRunKey,
  remoteRunSummary,
  shownRunState,
  type RemoteRunEntry,
} from '../execution/remoteRunEntry';
import type { RunState } from '../execution/runState';
import type { CellValue, TableRemoteRunState, TableRowState } from '../protocols/experimentsTableProtocol';
import type { TableRowInput } from './tableValues';

/** The row id of a remote run: never a sha, so no experiment action mistakes it for one. */
export function remoteRunRowId(entry: RemoteRunEntry): string {
  return `remote:${remoteRunKey(entry.record)}`;
}

export function withRemoteRunRows(
  rows: readonly TableRowInput[],
  entries: readonly RemoteRunEntry[],
  columnIds: ReadonlySet<string>,
  now: number,
): TableRowInput[] {
  if (entries.length === 0) return [...rows];
  const byParent = new Map<string, TableRowInput[]>();
  const orphans: TableRowInput[] = [];
  for (const entry of entries) {
    const parent = rows.find(
      (row) => row.kind === 'commit' && row.sha !== undefined && sameCommit(row.sha, entry.record.baseline),
    );
    const row = remoteRunRow(entry, parent, columnIds, now);
    if (parent) byParent.set(parent.id, [...(byParent.get(parent.id) ?? []), row]);
    else orphans.push(row);
  }
  // Right after its parent: the newest children come first, as the host orders experiments.
  return [...rows.flatMap((row) => [row, ...(byParent.get(row.id) ?? [])]), ...orphans];
}

function remoteRunRow(
  entry: RemoteRunEntry,
  parent: TableRowInput | undefined,
  columnIds: ReadonlySet<string>,
  now: number,
): TableRowInput {
  const state = shownRunState(entry);
  const parentId = parent?.id;
  // The run starts from its baseline's params; its -S values change some of them. Metrics come once it is home.
  const values: Record<string, CellValue | null> = Object.fromEntries(
    Object.entries(parent?.values ?? {}).filter(([column]) => column.startsWith('params:')),
  );
  for (const override of entry.record.overrides) {
    const parsed = parseOverride(override);
    if (parsed && columnIds.has(parsed.column)) values[parsed.column] = parsed.value;
  }
  return {
    id: remoteRunRowId(entry),
    label: entry.record.experiment,
    description: remoteRunSummary(entry, now),
    kind: 'experiment',
    ...(parentId === undefined ? {} : { parentId }),
    state: ROW_STATES[state],
    remote: {
      target: entry.record.target,
      jobId: entry.record.id,
      state: state === 'queued' ? 'pending' : (state satisfies TableRemoteRunState),
      summary: remoteRunSummary(entry, now),
      badge: remoteRunBadge(entry, now),
    },
    values,
  };
}

/** For the table's state filter: a remote run reads as the nearest DVC executor state. */
const ROW_STATES: Record<RunState, TableRowState> = {
  queued: 'queued',
  running: 'running',
  completing: 'running',
  succeeded: 'success',
  failed: 'failed',
  cancelled: 'failed',
};

/** `lr=0.2` (params.yaml) or `train.yaml:lr=0.2` as a params column id and a value. */
function parseOverride(override: string): { column: string; value: string | number | boolean } | undefined {
  const equals = override.indexOf('=');
  if (equals <= 0) return undefined;
  const name = override.slice(0, equals);
  const raw = override.slice(equals + 1).trim();
  const colon = name.lastIndexOf(':');
  const file = colon > 0 ? name.slice(0, colon) : 'params.yaml';
  const key = colon > 0 ? name.slice(colon + 1) : name;
  const number = Number(raw);
  const value =
    raw !== '' && Number.isFinite(number) ? number : raw === 'true' ? true : raw === 'false' ? false : raw;
  return { column: `params:${file}:${key}`, value };
}

function sameCommit(a: string, b: string): boolean {
  const length = Math.min(a.length, b.length);
  return length >= 7 && a.slice(0, length) === b.slice(0, length);
}
