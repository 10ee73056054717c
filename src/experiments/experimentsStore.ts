import * as vscode from 'vscode';
import type { GitCli } from '../repository/processes';
import { allExperiments } from '../core/experiments/experimentModel';
import { DisposableStore } from '../lifecycle/disposableStore';
import type { Repository } from '../repository/repository';
import type { SliceKey } from '../repository/repositorySlice';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';
import type { DvcLocator } from '../setup';
import {
  experimentsServiceOf,
  experimentsSliceKey,
  experimentsSliceName,
  type ExperimentsSlice,
  type RepositoryExperiments,
} from './experimentsSlice';
import type { ExperimentsService } from './experimentsService';
import { savedOtherBranches, saveOtherBranches } from './otherBranchesPlan';
import { createHash } from 'node:crypto';

export { dvcMessage } from './experimentsReadTriggers';
export type { RepositoryExperiments } from './experimentsSlice';

/** While something runs, DVC is asked again this often (also updates the elapsed time). */
const RUNNING_POLL_MS = 3000;
const QUEUED_POLL_MS = 10_000;

/**
 * The workspace-level face of the experiments slices (experimentsSlice.ts): every DVC repository's
 * `dvc exp show`, who looks at them, and the polling while experiments run. The per-repository state lives in
 * the repository hub. Keys: root URI strings.
 */
export class ExperimentsStore implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changed = this.disposables.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly key: SliceKey<ExperimentsSlice>;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  /** Who shows experiments now (`view`, `table`…): while nobody does, changes only mark repositories stale. */
  private readonly watchers = new Set<string>();

  constructor(
    private readonly repositories: WorkspaceRepositories,
    locator: DvcLocator,
    /** The workspace's memento: the other branches chosen per repository live there. */
    private readonly memento: vscode.Memento,
    /**
     * Where the last session's commits per repository live: the extension's global storage, one file per
     * repository root (named by its hash). Not the workspace storage: code-server gave the same folder a new
     * workspace storage id in the next window (seen in the first-content benchmark), which lost the cache.
     */
    private readonly storage?: vscode.Uri,
  ) {
    this.key = experimentsSliceKey({
      isWatched: () => this.isWatched,
      otherBranches: (root) => this.otherBranches(root),
      readEnded: () => this.schedulePoll(),
      sessionCacheFile: (root) =>
        this.storage
          ? vscode.Uri.joinPath(this.storage, SESSION_CACHE_FOLDER, `${sessionCacheName(root)}.json`)
          : undefined,
    });
    this.disposables.register(
      repositories.onDidChangeSlice((change) => {
        if (change.name === experimentsSliceName) this.changed.fire();
      }),
    );
    this.disposables.register(repositories.onDidChange(() => this.sync()));
    // Found or not, the views change: a missing DVC is a state with an action, not a spinner.
    this.disposables.register(
      locator.onDidChange(() => {
        this.refreshAll();
        this.changed.fire();
      }),
    );
    this.disposables.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('dvcLens.experiments')) this.refreshAll();
      }),
    );
    this.sync();
  }

  /** The repositories in the workspace's order. */
  get all(): RepositoryExperiments[] {
    return this.slices().map((slice) => slice.snapshot);
  }

  get(root: string): RepositoryExperiments | undefined {
    return this.sliceAt(root)?.snapshot;
  }

  /** The other branches shown for a repository (by root URI string), kept per workspace. */
  otherBranches(root: string): string[] {
    return savedOtherBranches(this.memento, root);
  }

  /** Shows these other branches (none: only the current one) and asks DVC again. */
  async setOtherBranches(root: string, branches: readonly string[]): Promise<void> {
    await saveOtherBranches(this.memento, root, branches);
    await this.refresh(root);
  }

  /** A service for the repository, or undefined without DVC (not found yet, or Restricted Mode). */
  serviceFor(repository: Repository): ExperimentsService | undefined {
    return experimentsServiceOf(repository);
  }

  gitFor(repository: Repository): GitCli {
    return repository.git;
  }

  /** "Show more": asks for more commits of the branch next time. */
  showMore(root: string): Promise<void> {
    return this.sliceAt(root)?.showMore() ?? Promise.resolve();
  }

  /**
   * `dvc exp show` costs seconds of CPU: file changes and polling ask DVC only while someone looks (the view is
   * visible or a panel says so); otherwise they mark the repository stale and the next look refreshes it.
   * Commands always refresh after they ran.
   */
  setWatched(watcher: string, watched: boolean): void {
    if (!watched) {
      this.watchers.delete(watcher);
      return;
    }
    this.watchers.add(watcher);
    for (const slice of this.slices()) slice.readIfStale();
  }

  private get isWatched(): boolean {
    return this.watchers.size > 0;
  }

  refreshAll(): void {
    for (const slice of this.slices()) slice.scheduleRead();
  }

  /**
   * Asks DVC for a fresh answer; resolves when it is in. A read already running is not cancelled: this one
   * follows it (and shares that follow-up with every other ask meanwhile).
   */
  refresh(root: string): Promise<void> {
    return this.sliceAt(root)?.refresh() ?? Promise.resolve();
  }

  /** An answer, from what the hub keeps when it is current (a panel opens), else from DVC. */
  load(root: string): Promise<void> {
    return this.sliceAt(root)?.load() ?? Promise.resolve();
  }

  /** The workspace row read again from its params and metrics files now (no DVC). */
  readWorkspace(root: string): Promise<void> {
    return this.sliceAt(root)?.readWorkspace() ?? Promise.resolve();
  }

  dispose(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.disposables.dispose();
  }

  /** The slice of every DVC repository (made, and so first read, when the repository appears). */
  private slices(): ExperimentsSlice[] {
    return this.repositories.repositories
      .filter((repository) => repository.isDvcRepository)
      .map((repository) => repository.slice(this.key));
  }

  private sliceAt(root: string): ExperimentsSlice | undefined {
    const repository = this.repositories.repositoryAt(root);
    return repository?.isDvcRepository ? repository.slice(this.key) : undefined;
  }

  /** Polls while an experiment runs (workers are not ours: no event tells when they finish) or waits. */
  private schedulePoll(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    const rows = this.slices().flatMap((slice) => (slice.lastModel ? allExperiments(slice.lastModel) : []));
    const delay = rows.some((row) => row.state === 'running')
      ? RUNNING_POLL_MS
      : rows.some((row) => row.state === 'queued')
        ? QUEUED_POLL_MS
        : undefined;
    if (delay === undefined || !this.isWatched) return;
    this.pollTimer = setTimeout(() => this.refreshAll(), delay);
  }

  /** New repositories get their slice (which reads at once); removed ones took theirs with them. */
  private sync(): void {
    this.slices();
    this.changed.fire();
  }
}

/** The folder of the session caches in global storage (at most SESSION_CACHE_FILES repositories). */
export const SESSION_CACHE_FOLDER = 'experiments-sessions';

/** A file name for a repository's root (URI string): short, stable, safe on every file system. */
function sessionCacheName(root: string): string {
  return createHash('sha256').update(root).digest('hex').slice(0, 16);
}
