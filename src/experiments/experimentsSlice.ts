/**
 * One repository's `dvc exp show`, as a slice of the repository hub: refreshed (debounced) when dvc.lock,
 * params, metrics or experiment refs change and after every experiment command; a failed read keeps the last
 * good model next to DVC's message. Nothing runs in Restricted Mode or without DVC (the hub hands out none).
 */
import * as vscode from 'vscode';
import { isCancellation } from '../repository/processes';
import { ungroupedCommits, type CommitGroups } from '../core/experiments/branchGroups';
import {
  allExperiments,
  type ExperimentRow,
  type ExperimentsModel,
} from '../core/experiments/experimentModel';
import { Debouncer } from '../lifecycle/debouncer';
import { DisposableStore } from '../lifecycle/disposableStore';
import type { Repository } from '../repository/repository';
import { defineSlice, type RepositorySlice, type SliceKey } from '../repository/repositorySlice';
import { experimentsCommitCount } from './experimentSettings';
import { commitsOfSessionCache, sessionCacheOf } from '../core/experiments/sessionCache';
import { expShowReadsKey } from './expShowReads';
import { affectsExperiments, changesWorkspaceOnly, dvcMessage } from './experimentsReadTriggers';
import { ExperimentsService } from './experimentsService';
import { planOtherBranches } from './otherBranchesPlan';
import { readWorkspaceRow } from './workspaceFiles';

/** What the Experiments view knows of one repository. */
export interface RepositoryExperiments {
  readonly repository: Repository;
  /** The last good answer of `dvc exp show`; kept when a later read fails. */
  readonly model: ExperimentsModel | undefined;
  /** DVC's message when the last read failed. */
  readonly error: string | undefined;
  readonly refreshing: boolean;
  /**
   * DVC answered at least once this session. Until then the model holds the workspace row read from files and
   * the last session's commits (shown as refreshing).
   */
  readonly answeredByDvc: boolean;
  /** How many commits of the branch are asked for (the setting, plus "Show more"). */
  readonly commitCount: number;
  /** When each running experiment (by id) was first seen running: DVC gives no start time for a run. */
  readonly runningSince: ReadonlyMap<string, number>;
  /** The model's commits by branch: HEAD's, then those of the other branches the person chose to see. */
  readonly groups: CommitGroups;
  /** The other branches the person chose to see (kept per workspace), whether or not they still exist. */
  readonly otherBranches: readonly string[];
}

/** What the slices share with the workspace-level face (ExperimentsStore). */
export interface ExperimentsSliceContext {
  /** Whether someone shows experiments now: while nobody does, changes only mark the slice stale. */
  isWatched(): boolean;
  /** The other branches chosen for the repository at `root` (a URI string), kept per workspace. */
  otherBranches(root: string): string[];
  /** A read ended (with an answer or an error): the face polls while experiments run or wait. */
  readEnded(): void;
  /** Where the last session's commits of the repository at `root` are kept (undefined: no storage). */
  sessionCacheFile(root: string): vscode.Uri | undefined;
}

/** The slice's name, for `refreshSlices(['experiments'])` after a command. */
export const experimentsSliceName = 'experiments';

/** The experiments slice key; the face makes it once with what the slices share. */
export function experimentsSliceKey(context: ExperimentsSliceContext): SliceKey<ExperimentsSlice> {
  return defineSlice(experimentsSliceName, (repository) => new ExperimentsSlice(repository, context));
}

/** An ExperimentsService for the repository, or undefined without DVC (not found yet, or Restricted Mode). */
export function experimentsServiceOf(repository: Repository): ExperimentsService | undefined {
  const cli = repository.dvcIfReady;
  return cli
    ? new ExperimentsService(cli, repository.scheduler, repository.git, repository.slice(expShowReadsKey))
    : undefined;
}

const READ_DELAY_MS = 500;

/**
 * One repository's experiments. Its reads go through the hub's shared `exp show` reader (expShowReads.ts): a
 * read is never cancelled by a newer one (the newer waits and is coalesced), and answers about commits are
 * kept until refs change. A change of params or metrics files alone re-reads the workspace row from the
 * files, without DVC. Before DVC first answers, the workspace row comes from the files and the commits from
 * the last session's cache, marked as refreshing.
 */
export class ExperimentsSlice implements RepositorySlice {
  private readonly disposables = new DisposableStore();
  private readonly changed = this.disposables.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly reads: Debouncer<true>;
  private readonly workspaceReads: Debouncer<true>;
  private model: ExperimentsModel | undefined;
  private error: string | undefined;
  /** Reads of DVC in progress (a follow-up may be queued behind a running one). */
  private pendingReads = 0;
  /** No DVC answer yet: what is shown comes from files and the last session (refreshing). */
  private awaitingDvc = true;
  private extraCommits = 0;
  private readonly runningSince = new Map<string, number>();
  private groups: CommitGroups | undefined;
  /** A change came while nobody looked: the next look reads. */
  private stale = false;
  /** Bumped by each read of the workspace from files: a DVC answer asked before it keeps the file's row. */
  private workspaceStamp = 0;
  /** The stamp of the DVC answer shown (answers apply in the order they were asked). */
  private appliedRead = 0;
  private readCounter = 0;
  /** The workspace row of the last DVC answer applied (a kept answer hands out the same object again). */
  private dvcWorkspace: ExperimentRow | undefined;
  private disposed = false;

  constructor(
    readonly repository: Repository,
    private readonly context: ExperimentsSliceContext,
  ) {
    this.reads = this.disposables.register(
      new Debouncer<true>(
        () => READ_DELAY_MS,
        () => {
          if (!this.context.isWatched()) {
            this.stale = true;
            return;
          }
          // The hub's reader judged the refs change (dropping kept answers only when they predate it).
          void this.repository
            .slice(expShowReadsKey)
            .afterChanges()
            .then(() => this.load());
        },
      ),
    );
    this.workspaceReads = this.disposables.register(
      new Debouncer<true>(
        () => READ_DELAY_MS,
        () => void this.readWorkspace(),
      ),
    );
    this.disposables.register(
      repository.onFiles(
        (path) => affectsExperiments(path),
        (events) => {
          // A batch may hold both kinds (a params edit beside DVC's queue files): each gets its read.
          if (events.some((event) => changesWorkspaceOnly(event.relativePath))) this.workspaceReads.add(true);
          if (!events.every((event) => changesWorkspaceOnly(event.relativePath))) this.scheduleRead();
        },
      ),
    );
    // A commit's metrics DVC could not read for want of their data (a fresh clone) have values once a pull
    // brought it: the answer kept by the commit's sha no longer holds.
    this.disposables.register(repository.onDidFillCache(() => void this.refresh()));
    void this.paintFromFilesAndCache();
    this.scheduleRead();
  }

  /** The last good model (for the face's polling). */
  get lastModel(): ExperimentsModel | undefined {
    return this.model;
  }

  get snapshot(): RepositoryExperiments {
    return {
      repository: this.repository,
      model: this.model,
      error: this.error,
      refreshing: this.pendingReads > 0 || (this.awaitingDvc && this.model !== undefined),
      answeredByDvc: !this.awaitingDvc,
      commitCount: this.commitCount,
      runningSince: this.runningSince,
      groups: this.groups ?? ungroupedCommits(this.model?.commits ?? []),
      otherBranches: this.context.otherBranches(this.repository.root.toString()),
    };
  }

  /** Asks DVC after the quiet period (or marks the slice stale while nobody looks). */
  scheduleRead(): void {
    this.reads.add(true);
  }

  /** Someone looks again: a change missed meanwhile is read now. */
  readIfStale(): void {
    if (!this.stale) return;
    this.stale = false;
    this.scheduleRead();
  }

  /** "Show more": asks for more commits of the branch. */
  showMore(): Promise<void> {
    this.extraCommits += experimentsCommitCount();
    return this.load();
  }

  /**
   * Asks DVC for a fresh answer (after a command changed the repository, or the refs changed); resolves when
   * it is in. A read already running is not cancelled: this one follows it, unless that read began after the
   * command's DVC write ended (see `ExpShowReads.afterCommand`).
   */
  refresh(): Promise<void> {
    this.repository.slice(expShowReadsKey).afterCommand();
    return this.load();
  }

  /** An answer, from what the hub keeps when it is current (a panel that opens), else from DVC. */
  async load(): Promise<void> {
    const service = experimentsServiceOf(this.repository);
    if (!service) {
      // DVC not found (or not yet): what files and the last session gave stays, not marked as refreshing.
      void this.repository.dvc().then((cli) => {
        if (cli || !this.awaitingDvc || this.disposed) return;
        this.awaitingDvc = false;
        this.changed.fire();
      });
      return;
    }
    this.stale = false;
    const ticket = ++this.readCounter;
    const workspaceStamp = this.workspaceStamp;
    this.pendingReads++;
    this.changed.fire();
    const root = this.repository.root.toString();
    try {
      const count = this.commitCount;
      // Other branches: git's chains sort DVC's answer into branches (a failure only hides them).
      const plan = await planOtherBranches(
        this.repository.git,
        this.context.otherBranches(root),
        count,
        undefined,
      ).catch(() => undefined);
      const model = await service.show(plan?.query ?? { commits: count });
      if (this.disposed || ticket < this.appliedRead) return;
      this.appliedRead = ticket;
      // The row shown stays when it is newer than the answer's: read from the files after this read was asked,
      // or the answer is one the hub kept (its workspace row is as old as the read that made it).
      const kept = model.workspace !== undefined && model.workspace === this.dvcWorkspace;
      this.dvcWorkspace = model.workspace;
      const workspace =
        (workspaceStamp !== this.workspaceStamp || kept) && this.model?.workspace
          ? this.model.workspace
          : model.workspace;
      this.model = { ...model, workspace };
      this.groups = plan?.group(model);
      this.error = undefined;
      this.awaitingDvc = false;
      this.trackRunning(model);
      // The files were read again during this read: once more, now with the files DVC named.
      if (workspaceStamp !== this.workspaceStamp && !kept) this.workspaceReads.add(true);
      void this.keepForNextSession(model);
    } catch (error) {
      if (isCancellation(error) || this.disposed) return;
      this.error = dvcMessage(error);
      this.awaitingDvc = false;
      this.repository.log.error(`dvc exp show failed in ${root}: ${this.error}`);
    } finally {
      this.pendingReads--;
      if (!this.disposed) {
        this.changed.fire();
        if (this.pendingReads === 0) this.context.readEnded();
      }
    }
  }

  /** Only the workspace's params or metrics files changed: their row from the files, no DVC. */
  async readWorkspace(): Promise<void> {
    const stamp = ++this.workspaceStamp;
    // DVC's last row names the files it reads (and keeps what only DVC knows); the shown row until then.
    const previous = this.dvcWorkspace ?? this.model?.workspace;
    const row = await readWorkspaceRow(this.repository, previous).catch(() => undefined);
    if (!row || stamp !== this.workspaceStamp || this.disposed) return;
    this.model = { workspace: row, commits: this.model?.commits ?? [] };
    this.changed.fire();
  }

  dispose(): void {
    this.disposed = true;
    this.disposables.dispose();
  }

  private get commitCount(): number {
    return experimentsCommitCount() + this.extraCommits;
  }

  /** The first paint: the workspace row from its files and the last session's commits, until DVC answers. */
  private async paintFromFilesAndCache(): Promise<void> {
    const file = this.context.sessionCacheFile(this.repository.root.toString());
    const [row, cached] = await Promise.all([
      readWorkspaceRow(this.repository, undefined).catch(() => undefined),
      file
        ? Promise.resolve(vscode.workspace.fs.readFile(file)).then(
            (bytes) => commitsOfSessionCache(new TextDecoder().decode(bytes)),
            () => [],
          )
        : Promise.resolve([]),
    ]);
    // DVC answered first: its answer stands.
    if (this.disposed || !this.awaitingDvc || this.model) return;
    this.model = { workspace: row, commits: cached.slice(0, this.commitCount) };
    this.changed.fire();
  }

  /** Keeps the commits shown for the next session (workspace storage, bounded). */
  private async keepForNextSession(model: ExperimentsModel): Promise<void> {
    const file = this.context.sessionCacheFile(this.repository.root.toString());
    const text = sessionCacheOf(model);
    if (!file || !text) return;
    try {
      const folder = vscode.Uri.joinPath(file, '..');
      await vscode.workspace.fs.createDirectory(folder);
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
      await pruneSessionCaches(folder);
    } catch {
      // Only a faster next start is lost.
    }
  }

  private trackRunning(model: ExperimentsModel): void {
    const running = new Set<string>();
    for (const row of allExperiments(model)) {
      if (row.state !== 'running') continue;
      running.add(row.id);
      if (!this.runningSince.has(row.id)) this.runningSince.set(row.id, Date.now());
    }
    for (const id of [...this.runningSince.keys()]) if (!running.has(id)) this.runningSince.delete(id);
  }
}

/** At most this many repositories keep a session cache (each at most SESSION_CACHE_BYTES). */
const SESSION_CACHE_FILES = 32;

/** Drops the least recently written caches beyond the limit. */
async function pruneSessionCaches(folder: vscode.Uri): Promise<void> {
  const entries = await vscode.workspace.fs.readDirectory(folder);
  if (entries.length <= SESSION_CACHE_FILES) return;
  const files = await Promise.all(
    entries.map(async ([name]) => {
      const uri = vscode.Uri.joinPath(folder, name);
      return { uri, mtime: (await vscode.workspace.fs.stat(uri)).mtime };
    }),
  );
  files.sort((a, b) => b.mtime - a.mtime);
  for (const { uri } of files.slice(SESSION_CACHE_FILES)) await vscode.workspace.fs.delete(uri);
}
