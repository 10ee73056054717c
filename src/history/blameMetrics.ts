/**
 * The metrics of blamed commits, for param blame's "how the headline metric moved there": from the History
 * view's loaded pages when they hold the commit, else one `exp show --rev <sha> -n 2` per commit, kept per
 * sha (a commit's metrics do not change; failures are forgotten on the next repository change so a `dvc
 * fetch` can fill them in). Answers synchronously with `loading` while DVC reads and calls back when done,
 * so the annotation paints at once and fills in.
 */
import type * as vscode from 'vscode';
import { isCancellation } from '../repository/processes';
import { blameMovement, type BlameMovement } from '../core/history/blameMovement';
import { headlineMetricSetting, metricDirectionsSetting } from '../experiments';
import { errorText } from '../ui/messages';
import type { CommitAndParentRows } from './historyService';
import { repositoryTools, type HistoryToolDependencies } from './historyTools';

/** Commits remembered at most (each is two rows of DVC's output). */
const CACHE_LIMIT = 100;

type Read = { rows: CommitAndParentRows } | { failure: string } | undefined;

interface CacheEntry {
  read: Read;
  readonly done: Promise<void>;
}

export type LoadedRows = (root: vscode.Uri, sha: string) => CommitAndParentRows | undefined;

export class BlameMetrics {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly deps: HistoryToolDependencies,
    private readonly loadedRows: LoadedRows,
    /** Called when a read finishes, so the annotation can paint again. */
    private readonly onRead: () => void,
  ) {}

  /** The movement now: `loading` while DVC reads (a read starts on the first ask). */
  movement(root: vscode.Uri, sha: string, parent: string | undefined): BlameMovement {
    const loaded = this.loadedRows(root, sha);
    if (loaded) return movementOf({ rows: loaded });
    return movementOf(this.entry(root, sha, parent).read);
  }

  /** The movement once DVC answered (the hover waits for it). */
  async settledMovement(root: vscode.Uri, sha: string, parent: string | undefined): Promise<BlameMovement> {
    const loaded = this.loadedRows(root, sha);
    if (loaded) return movementOf({ rows: loaded });
    const entry = this.entry(root, sha, parent);
    await entry.done;
    return movementOf(entry.read);
  }

  /** Forgets failed reads (a fetch or a repro may have filled the cache since). */
  forgetFailures(): void {
    for (const [key, entry] of this.cache) if (entry.read && 'failure' in entry.read) this.cache.delete(key);
  }

  private entry(root: vscode.Uri, sha: string, parent: string | undefined): CacheEntry {
    const key = `${root.toString()}\0${sha}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (this.cache.size >= CACHE_LIMIT) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    const entry: CacheEntry = {
      read: undefined,
      done: this.read(root, sha, parent).then((read) => {
        entry.read = read;
        this.onRead();
      }),
    };
    this.cache.set(key, entry);
    return entry;
  }

  private async read(root: vscode.Uri, sha: string, parent: string | undefined): Promise<Read> {
    try {
      const tools = await repositoryTools(this.deps, root);
      return { rows: await tools.history.commitAndParentRows(sha, parent) };
    } catch (error) {
      if (!isCancellation(error))
        this.deps.log.error(`DVC Lens: metrics of ${sha.slice(0, 7)} could not be read`, error);
      return { failure: errorText(error) };
    }
  }
}

function movementOf(read: Read): BlameMovement {
  if (!read) return { kind: 'loading' };
  if ('failure' in read) return { kind: 'unavailable', reason: read.failure };
  return blameMovement(
    read.rows.row,
    read.rows.parentRow,
    metricDirectionsSetting(),
    headlineMetricSetting(),
  );
}
