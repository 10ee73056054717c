/**
 * What DVC Lens knows of one run it sent beyond this machine, and how that changes as the target is polled
 * and the finished experiment is pulled home. Pure: the remote run store (src/experiments/remote) keeps the
 * entries per workspace, polls the targets and calls these to decide what happens next.
 */
import type { RemoteRunRecord } from './computeTargetSettings';
import { isFinishedRunState, type RunState } from './runState';

/** Bringing a succeeded run's experiment home (`dvc exp pull`). */
export type CollectState = 'collecting' | 'collected' | 'failed';

/** One remote run as the store keeps it (in the workspace's memento: plain JSON). */
export interface RemoteRunEntry {
  readonly record: RemoteRunRecord;
  /** The target's last answer (`queued` until the first poll). */
  readonly state: RunState;
  /** Set once the run succeeded and its pull started. */
  readonly collect?: CollectState;
  /** For a failed run: the job step that failed (setup, clone, checkout, pull, run, push, verify). */
  readonly failedStep?: string;
  /** The last thing that went wrong here: a poll, a pull, a cancel (shown on the row's tooltip). */
  readonly message?: string;
  /** When the run was seen finished, ms since the epoch (stops the elapsed time). */
  readonly finishedAt?: number;
}

/** A stable key for a run: one target names each run once. */
export function remoteRunKey(record: RemoteRunRecord): string {
  return `${record.root}|${record.target}|${record.id}`;
}

/** A new run, just submitted. */
export function submittedEntry(record: RemoteRunRecord): RemoteRunEntry {
  return { record, state: 'queued' };
}

/** True while the target must still be asked about the run (not finished; a pull in progress counts). */
export function needsPolling(entry: RemoteRunEntry): boolean {
  return !isFinishedRunState(entry.state);
}

/** What a row shows: a succeeded run whose experiment is being pulled home still reads `completing`. */
export function shownRunState(entry: RemoteRunEntry): RunState {
  return entry.state === 'succeeded' && entry.collect === 'collecting' ? 'completing' : entry.state;
}

/** The entry after the target answered `state`; `collect` says the experiment should be pulled home now. */
export function afterPoll(
  entry: RemoteRunEntry,
  state: RunState,
  now: number,
): { readonly entry: RemoteRunEntry; readonly collect: boolean } {
  const finishedAt = isFinishedRunState(state) ? (entry.finishedAt ?? now) : undefined;
  const next: RemoteRunEntry = {
    ...withoutKeys(entry, ['message', 'finishedAt']),
    state,
    ...(finishedAt === undefined ? {} : { finishedAt }),
  };
  if (state === 'succeeded' && entry.collect === undefined)
    return { entry: { ...next, collect: 'collecting' }, collect: true };
  return { entry: next, collect: false };
}

/** The entry after a poll failed (network, the login node): it keeps its state and says why. */
export function afterPollError(entry: RemoteRunEntry, message: string): RemoteRunEntry {
  return { ...entry, message };
}

/** The entry after the pull home ended: collected (the row goes), or failed with DVC's message. */
export function afterCollect(entry: RemoteRunEntry, error: string | undefined): RemoteRunEntry {
  return error === undefined
    ? { ...withoutKeys(entry, ['message']), collect: 'collected' }
    : { ...entry, collect: 'failed', message: `Pulling the experiment failed: ${error}` };
}

/** Poll every 3 s while a run is active, doubling after each failed round up to a minute; never when idle. */
export const REMOTE_POLL_MS = 3000;
const MAX_POLL_MS = 60_000;

export function remotePollDelay(
  entries: readonly RemoteRunEntry[],
  failedRounds: number,
): number | undefined {
  if (!entries.some(needsPolling)) return undefined;
  return Math.min(MAX_POLL_MS, REMOTE_POLL_MS * 2 ** Math.max(0, Math.min(failedRounds, 10)));
}

/** `1:05`, `12:00:07`: how long the run has been (or was) going. */
export function formatRunElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = String(seconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** `cluster · job 12 · running 0:35`: the row's description (the tree's, and the table's tooltip). */
export function remoteRunSummary(entry: RemoteRunEntry, now: number): string {
  return `${entry.record.target} · job ${entry.record.id} · ${remoteRunStatus(entry, now)}`;
}

/** `running 0:35 · job 12 · cluster`: the table's badge, state first (a narrow label column cuts its end). */
export function remoteRunBadge(entry: RemoteRunEntry, now: number): string {
  return `${remoteRunStatus(entry, now)} · job ${entry.record.id} · ${entry.record.target}`;
}

/** `pending 0:05`, `failed at pull 1:05`: the state in words and the elapsed time. */
function remoteRunStatus(entry: RemoteRunEntry, now: number): string {
  const state = shownRunState(entry);
  const elapsed = formatRunElapsed((entry.finishedAt ?? now) - entry.record.submittedAt);
  const stateText =
    state === 'queued'
      ? 'pending'
      : state === 'failed' && entry.failedStep
        ? `failed at ${entry.failedStep}`
        : state === 'succeeded' && entry.collect === 'failed'
          ? 'succeeded, not pulled'
          : state;
  return `${stateText} ${elapsed}`;
}

function withoutKeys<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Omit<T, K> {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

/** The entries kept in the workspace's memento, checked (an older or damaged value must not break the view). */
export function restoredRemoteRuns(value: unknown): RemoteRunEntry[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown): RemoteRunEntry[] => {
    if (typeof item !== 'object' || item === null) return [];
    const entry = item as Partial<Record<keyof RemoteRunEntry, unknown>>;
    const record = entry.record as Partial<Record<keyof RemoteRunRecord, unknown>> | undefined;
    const texts = ['target', 'root', 'id', 'experiment', 'baseline'] as const;
    if (
      !record ||
      texts.some((key) => typeof record[key] !== 'string') ||
      typeof record.submittedAt !== 'number' ||
      !Array.isArray(record.overrides) ||
      !RUN_STATES.includes(entry.state as RunState)
    )
      return [];
    return [item as RemoteRunEntry];
  });
}

const RUN_STATES: readonly RunState[] = [
  'queued',
  'running',
  'completing',
  'succeeded',
  'failed',
  'cancelled',
];
