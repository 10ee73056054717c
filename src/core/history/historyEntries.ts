/**
 * The History view's rows: each commit of the page with its metrics (from `dvc exp show --rev <sha> -n <k>`),
 * the change of each numeric metric against the first parent, and the DVC markers. A commit whose metrics DVC
 * could not read says why instead of showing stale or guessed numbers.
 */
import type { ExperimentRow, ExperimentValue } from '../experiments/experimentModel';
import { isNotInCacheMessage, notInCacheLine } from '../experiments/filesNotInCache';
import { metricDirection } from '../experiments/metricDirection';
import { changeVerdict, type ChangeVerdict } from '../report/reportMarkdown';
import { commitMarkers, type DvcChange } from './commitMarkers';
import type { LoggedCommit } from './gitLogPage';

/** One metric at one commit. */
export interface MetricAtCommit {
  readonly file: string;
  readonly key: string;
  readonly value: ExperimentValue;
  /** value - parent's value, when both are numbers. */
  readonly delta: number | undefined;
  readonly verdict: ChangeVerdict;
}

export type CommitMetrics =
  /** DVC has not answered yet (the commit list paints first, from git). */
  | { readonly kind: 'loading' }
  | {
      readonly kind: 'available';
      readonly values: readonly MetricAtCommit[];
      /** Metrics files DVC could not read at this commit, with its message. */
      readonly missing: Readonly<Record<string, string>>;
      /** Those of them whose data is not in the local cache (Pull brings them in). */
      readonly notInCache?: readonly string[];
    }
  | {
      readonly kind: 'unavailable';
      readonly reason: string;
      /** The metrics files whose data is not in the local cache, when that is the reason (Pull helps). */
      readonly notInCache?: readonly string[];
    };

export interface HistoryEntry extends LoggedCommit {
  readonly markers: readonly DvcChange[];
  readonly metrics: CommitMetrics;
}

export interface HistoryEntryOptions {
  readonly paramsFiles: ReadonlySet<string>;
  readonly directions: Readonly<Record<string, unknown>>;
  /** Shas of commits that changed the outputs recorded in a dvc.lock. */
  readonly lockOutsChanged: ReadonlySet<string>;
}

/** `rows`: DVC's commit rows by sha, undefined while DVC has not answered (or failed: then `failure`). */
export function buildHistoryEntries(
  commits: readonly LoggedCommit[],
  rows: ReadonlyMap<string, ExperimentRow> | undefined,
  options: HistoryEntryOptions,
  failure?: string,
): HistoryEntry[] {
  return commits.map((commit) => {
    const row = rows?.get(commit.sha);
    const parent = commit.parents[0];
    const parentRow = parent === undefined ? undefined : rows?.get(parent);
    return {
      ...commit,
      markers: commitMarkers({
        files: commit.files,
        paramsFiles: options.paramsFiles,
        lockOutsChanged: options.lockOutsChanged.has(commit.sha),
        row,
        parentRow,
      }),
      metrics:
        rows === undefined
          ? failure === undefined
            ? { kind: 'loading' }
            : { kind: 'unavailable', reason: failure }
          : commitMetrics(row, parentRow, options.directions, options.paramsFiles),
    };
  });
}

export function commitMetrics(
  row: ExperimentRow | undefined,
  parentRow: ExperimentRow | undefined,
  directions: Readonly<Record<string, unknown>>,
  paramsFiles: ReadonlySet<string> = new Set(),
): CommitMetrics {
  if (!row) return { kind: 'unavailable', reason: 'DVC did not report this commit.' };
  if (row.error) return { kind: 'unavailable', reason: row.error };
  const values: MetricAtCommit[] = [];
  for (const [file, metrics] of Object.entries(row.metrics))
    for (const [key, value] of Object.entries(metrics)) {
      const before = parentRow?.metrics[file]?.[key];
      const delta = typeof value === 'number' && typeof before === 'number' ? value - before : undefined;
      const verdict =
        delta === undefined ? 'unchanged' : changeVerdict(delta, metricDirection(file, key, directions));
      values.push({ file, key, value, delta, verdict });
    }
  const missing = Object.fromEntries(
    Object.entries(row.fileErrors).filter(
      ([file]) => !paramsFiles.has(file) && !Object.hasOwn(row.params, file),
    ),
  );
  const notInCache = Object.entries(missing)
    .filter(([, message]) => isNotInCacheMessage(message))
    .map(([file]) => file);
  if (values.length === 0) {
    const reasons = Object.entries(missing).map(([file, message]) => `${file}: ${message}`);
    // Cached metrics never pulled (a fresh clone) are a state with an action, said in one line; DVC's words after.
    if (notInCache.length > 0 && notInCache.length === reasons.length)
      return {
        kind: 'unavailable',
        reason: `${notInCacheLine(notInCache)}: Pull brings it in. DVC: ${reasons.join('; ')}`,
        notInCache,
      };
    return {
      kind: 'unavailable',
      reason:
        reasons.length > 0 ? `Metrics not available (${reasons.join('; ')})` : 'No metrics at this commit.',
    };
  }
  return { kind: 'available', values, missing, ...(notInCache.length > 0 ? { notInCache } : {}) };
}

/** True when the commit changed anything DVC tracks (what "hide unrelated commits" keeps). */
export function isDvcRelated(entry: HistoryEntry): boolean {
  return entry.markers.length > 0;
}
