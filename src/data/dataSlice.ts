/**
 * One DVC repository as the data feature knows it, as a slice of the repository hub: the tracked paths (from
 * files, at once) and the last `dvc data status` (when trusted and DVC is located). Files are re-read when a
 * `.dvc` file or dvc.lock changes; status is asked again, debounced, when those or a tracked path change.
 * `.dvc/` (the cache) and `.git/` are not listened to.
 */
import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { cameIntoCache } from '../core/data/cameIntoCache';
import type { DataStatus } from '../core/data/dataStatus';
import type { DataStatusIndex } from '../core/data/dataStatusIndex';
import { trackedOutOf, type TrackedData } from '../core/data/trackedData';
import { Debouncer } from '../lifecycle/debouncer';
import { DisposableStore } from '../lifecycle/disposableStore';
import type { Repository } from '../repository/repository';
import type { RepositoryFileEvent } from '../repository/repositoryFileEvents';
import { defineSlice, type RepositorySlice, type SliceKey } from '../repository/repositorySlice';
import { relativePath } from '../repository/workspaceScan';
import { DataStatusReader, type StatusReadOutcome, type StatusReadRequest } from './dataStatusReader';
import { readTrackedData } from './trackedDataFiles';

const REFRESH_DELAY_MS = 500;
/** A cache fill said this recently (by a Pull or Fetch command) covers the data status answers that follow. */
const SAID_RECENTLY_MS = 30_000;
/** Past this many changed files their times are not looked up: the change counts as made now. */
const TIMED_FILES_LIMIT = 200;
const ignoredSegments = ['/.git/', '/.dvc/', '/node_modules/', '/.venv/', '/venv/', '/__pycache__/'];

/** What the data slices ask the workspace-level face (DataModel). */
export interface DataSliceContext {
  /** The roots of the DVC repositories nested in `repository`: their tracked data is theirs, not its. */
  nestedRoots(repository: Repository): vscode.Uri[];
}

/** The slice's name, for `refreshSlices(['data'])` after a command. */
export const dataSliceName = 'data';

/** The data slice key; the face makes it once. */
export function dataSliceKey(context: DataSliceContext): SliceKey<DataSlice> {
  return defineSlice(dataSliceName, (repository) => new DataSlice(repository, context));
}

/** Which file changes the slice hears: `.dvc` files and dvc.lock (re-read), tracked paths (status). */
function relevantToData(_relative: string, event: RepositoryFileEvent): boolean {
  return !ignoredSegments.some((segment) => event.uri.path.includes(segment));
}

export class DataSlice implements RepositorySlice {
  private readonly disposables = new DisposableStore();
  private readonly changed = this.disposables.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly statusReader: DataStatusReader;
  private readonly fileChanges: Debouncer<string>;
  private readonly statusChanges: Debouncer<string>;
  private readonly cacheChanges: Debouncer<string>;
  private trackedData: TrackedData = { outs: [], problems: [] };
  private loadedFromFiles = false;
  private lastAnswer: DataStatus | undefined;
  private generation = 0;

  constructor(
    readonly repository: Repository,
    private readonly context: DataSliceContext,
  ) {
    this.statusReader = new DataStatusReader(repository, () => this.statusChanged());
    this.disposables.register(this.statusReader);
    this.fileChanges = this.disposables.register(
      new Debouncer<string>(
        () => REFRESH_DELAY_MS,
        (paths) => void this.reloadAfterChanges(paths),
      ),
    );
    this.statusChanges = this.disposables.register(
      new Debouncer<string>(
        () => REFRESH_DELAY_MS,
        (paths) => void this.refreshAfterChanges(paths),
      ),
    );
    // The cache changes with every add, pull or gc (a terminal's too): no read for it, but the last answer
    // stops being current (see `currentStatus`).
    this.cacheChanges = this.disposables.register(
      new Debouncer<string>(
        () => REFRESH_DELAY_MS,
        (paths) => void newestChange(paths).then((at) => this.statusReader.noteChange(at)),
      ),
    );
    this.disposables.register(repository.onFiles(relevantToData, (events) => this.filesChanged(events)));
    this.disposables.register(
      repository.onFiles(
        (relative) => relative.startsWith('.dvc/cache/'),
        (events) => {
          for (const event of events) this.cacheChanges.add(event.uri.fsPath);
        },
      ),
    );
    // A new repository is read at once: files first, then status (nothing changed that this read misses).
    void this.reload({ changedAt: Number.NEGATIVE_INFINITY });
  }

  get data(): TrackedData {
    return this.trackedData;
  }

  /** True once the files were read. */
  get loaded(): boolean {
    return this.loadedFromFiles;
  }

  get status(): DataStatusIndex | undefined {
    return this.statusReader.status;
  }

  /**
   * What `dvc data status` would say now, when the last answer is current (no change heard since its read
   * began, none waiting to be heard, no read running); undefined: ask DVC.
   */
  get currentStatus(): DataStatus | undefined {
    const heard = this.fileChanges.isPending || this.statusChanges.isPending || this.cacheChanges.isPending;
    return heard ? undefined : this.statusReader.currentStatus;
  }

  get statusError(): string | undefined {
    return this.statusReader.statusError;
  }

  get isRefreshing(): boolean {
    return this.statusReader.isRefreshing;
  }

  /** Whether the status shown includes what the remote lacks. */
  get remoteChecked(): boolean {
    return this.statusReader.remoteChecked;
  }

  /** Re-reads files, then status (keeping a status that included the remote asking it again). */
  async refresh(): Promise<void> {
    await this.reload({ notInRemote: this.remoteChecked });
  }

  /** Re-reads files, then status; `notInRemote` also asks the default remote. */
  async reload(options: StatusReadRequest = {}): Promise<void> {
    await this.readFiles();
    await this.refreshStatus(options);
  }

  /** Asks DVC again (when it can) unless the last read saw the change already. Never rejects. */
  refreshStatus(options: StatusReadRequest = {}): Promise<StatusReadOutcome> {
    return this.statusReader.refresh(options);
  }

  scheduleStatusRefresh(): void {
    this.statusChanges.add('');
  }

  dispose(): void {
    this.disposables.dispose();
  }

  /**
   * A read started or ended. When its answer has data in the cache that the last one lacked (a pull or fetch
   * in a terminal), the repository says so, as DVC Lens's own Pull does, so views reading from the cache read
   * again. Not again when a Pull of DVC Lens said it moments ago: this answer is that pull's.
   */
  private statusChanged(): void {
    const answer = this.statusReader.status?.status;
    if (answer && answer !== this.lastAnswer) {
      const before = this.lastAnswer;
      this.lastAnswer = answer;
      const saidRecently =
        Date.now() - (this.repository.cacheFilledAt ?? Number.NEGATIVE_INFINITY) < SAID_RECENTLY_MS;
      if (!saidRecently && cameIntoCache(before, answer)) this.repository.noteCacheFilled();
    }
    this.changed.fire();
  }

  private async readFiles(): Promise<void> {
    const generation = ++this.generation;
    const data = await readTrackedData(this.repository.root, this.context.nestedRoots(this.repository));
    // A newer read started meanwhile: its answer wins.
    if (generation !== this.generation) return;
    this.trackedData = data;
    this.loadedFromFiles = true;
    this.changed.fire();
  }

  private filesChanged(events: readonly RepositoryFileEvent[]): void {
    for (const { uri } of events) {
      const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
      if (name.endsWith('.dvc') || name === 'dvc.lock') this.fileChanges.add(uri.fsPath);
      else if (trackedOutOf(this.trackedData.outs, relativePath(this.repository.root, uri)))
        this.statusChanges.add(uri.fsPath);
    }
  }

  private async reloadAfterChanges(paths: ReadonlySet<string>): Promise<void> {
    await this.readFiles();
    await this.refreshAfterChanges(paths);
  }

  /** A change the running (or last) read began after is in its answer already: no read for it. */
  private async refreshAfterChanges(paths: ReadonlySet<string>): Promise<void> {
    await this.refreshStatus({ changedAt: await newestChange(paths) });
  }
}

/**
 * When the newest of these files changed (modification time); now for a file gone (its deletion has no time)
 * or a path not given (''), or when there are too many to look up.
 */
async function newestChange(paths: ReadonlySet<string>): Promise<number> {
  if (paths.size > TIMED_FILES_LIMIT || paths.has('')) return Date.now();
  const times = await Promise.all(
    [...paths].map((path) =>
      stat(path).then(
        (stats) => stats.mtimeMs,
        () => Date.now(),
      ),
    ),
  );
  return Math.max(Number.NEGATIVE_INFINITY, ...times);
}
