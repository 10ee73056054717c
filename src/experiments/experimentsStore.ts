import * as vscode from 'vscode';
import { DvcCli } from '../cli/dvcCli';
import { GitCli } from '../cli/gitCli';
import { isCancellation } from '../cli/processError';
import { ungroupedCommits, type CommitGroups } from '../core/experiments/branchGroups';
import { allExperiments, type ExperimentsModel } from '../core/experiments/experimentModel';
import { DisposableStore } from '../lifecycle/disposableStore';
import { Debouncer } from '../lifecycle/debouncer';
import type { OutputLog } from '../log/outputLog';
import type { Repository } from '../repository/repository';
import type { RepositorySchedulers } from '../repository/repositorySchedulers';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';
import { isInside, relativePath } from '../repository/workspaceScan';
import type { DvcLocator } from '../setup/dvcLocator';
import { isTrusted } from '../trust/workspaceTrust';
import { experimentsCommitCount } from './experimentSettings';
import { affectsExperiments, dvcMessage } from './experimentsReadTriggers';
import { ExperimentsService } from './experimentsService';
import { planOtherBranches, savedOtherBranches, saveOtherBranches } from './otherBranchesPlan';

export { dvcMessage } from './experimentsReadTriggers';

/** What the Experiments view knows of one repository. */
export interface RepositoryExperiments {
  readonly repository: Repository;
  /** The last good answer of `dvc exp show`; kept when a later read fails. */
  readonly model: ExperimentsModel | undefined;
  /** DVC's message when the last read failed. */
  readonly error: string | undefined;
  readonly refreshing: boolean;
  /** How many commits of the branch are asked for (the setting, plus "Show more"). */
  readonly commitCount: number;
  /** When each running experiment (by id) was first seen running: DVC gives no start time for a run. */
  readonly runningSince: ReadonlyMap<string, number>;
  /** The model's commits by branch: HEAD's, then those of the other branches the person chose to see. */
  readonly groups: CommitGroups;
  /** The other branches the person chose to see (kept per workspace), whether or not they still exist. */
  readonly otherBranches: readonly string[];
}

interface MutableState {
  repository: Repository;
  model: ExperimentsModel | undefined;
  error: string | undefined;
  refreshing: boolean;
  extraCommits: number;
  runningSince: Map<string, number>;
  groups: CommitGroups | undefined;
  controller: AbortController | undefined;
}

/** While something runs, DVC is asked again this often (also updates the elapsed time). */
const RUNNING_POLL_MS = 3000;
const QUEUED_POLL_MS = 10_000;

/**
 * `dvc exp show` per DVC repository for the Experiments view: refreshed (debounced) when dvc.lock, params,
 * metrics or experiment refs change and after every experiment command; a failed read keeps the last good
 * model next to DVC's message. Nothing runs in Restricted Mode or without DVC. Keys: root URI strings.
 */
export class ExperimentsStore implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changed = this.disposables.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly states = new Map<string, MutableState>();
  private readonly debouncer: Debouncer<string>;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  /** Who shows experiments now (`view`, `table`…): while nobody does, changes only mark repositories stale. */
  private readonly watchers = new Set<string>();
  private readonly stale = new Set<string>();

  constructor(
    private readonly repositories: WorkspaceRepositories,
    private readonly schedulers: RepositorySchedulers,
    private readonly locator: DvcLocator,
    private readonly log: OutputLog,
    /** The workspace's memento: the other branches chosen per repository live there. */
    private readonly memento: vscode.Memento,
  ) {
    this.debouncer = this.disposables.register(
      new Debouncer<string>(
        () => 500,
        (roots) => {
          for (const root of roots) {
            if (this.isWatched) void this.refresh(root);
            else this.stale.add(root);
          }
        },
      ),
    );
    this.disposables.register(repositories.onDidChange(() => this.sync()));
    this.disposables.register(locator.onDidChange(() => this.refreshAll()));
    const watcher = this.disposables.register(vscode.workspace.createFileSystemWatcher('**/*'));
    const onFile = (uri: vscode.Uri): void => this.fileChanged(uri);
    this.disposables.register(watcher.onDidChange(onFile));
    this.disposables.register(watcher.onDidCreate(onFile));
    this.disposables.register(watcher.onDidDelete(onFile));
    this.disposables.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('dvcLens.experiments')) this.refreshAll();
      }),
    );
    this.sync();
  }

  /** The repositories in the workspace's order. */
  get all(): RepositoryExperiments[] {
    return [...this.states.values()].map((state) => this.snapshot(state));
  }

  get(root: string): RepositoryExperiments | undefined {
    const state = this.states.get(root);
    return state ? this.snapshot(state) : undefined;
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
    const executable = this.locator.executable;
    if (!executable || !isTrusted()) return undefined;
    const scheduler = this.schedulers.for(repository.root.fsPath);
    return new ExperimentsService(new DvcCli(executable, scheduler), scheduler, this.gitFor(repository));
  }

  gitFor(repository: Repository): GitCli {
    return new GitCli(repository.root.fsPath, { log: this.log });
  }

  /** "Show more": asks for more commits of the branch next time. */
  showMore(root: string): Promise<void> {
    const state = this.states.get(root);
    if (!state) return Promise.resolve();
    state.extraCommits += experimentsCommitCount();
    return this.refresh(root);
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
    for (const root of this.stale) this.debouncer.add(root);
    this.stale.clear();
  }

  private get isWatched(): boolean {
    return this.watchers.size > 0;
  }

  refreshAll(): void {
    for (const root of this.states.keys()) this.debouncer.add(root);
  }

  /** Asks DVC now; resolves when the answer (or the error) is in. A newer refresh cancels an older one. */
  async refresh(root: string): Promise<void> {
    const state = this.states.get(root);
    if (!state) return;
    const service = this.serviceFor(state.repository);
    if (!service) return;
    this.stale.delete(root);
    state.controller?.abort();
    const controller = new AbortController();
    state.controller = controller;
    state.refreshing = true;
    this.changed.fire();
    try {
      const count = this.commitCount(state);
      // Other branches: git's chains sort DVC's answer into branches (a failure only hides them).
      const plan = await planOtherBranches(
        this.gitFor(state.repository),
        this.otherBranches(root),
        count,
        controller.signal,
      ).catch(() => undefined);
      const model = await service.show(plan?.query ?? { commits: count }, { signal: controller.signal });
      state.model = model;
      state.groups = plan?.group(model);
      state.error = undefined;
      this.trackRunning(state, model);
    } catch (error) {
      if (isCancellation(error) || controller.signal.aborted) return;
      state.error = dvcMessage(error);
      this.log.error(`dvc exp show failed in ${root}: ${state.error}`);
    } finally {
      if (state.controller === controller) {
        state.controller = undefined;
        state.refreshing = false;
        this.changed.fire();
        this.schedulePoll();
      }
    }
  }

  dispose(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    for (const state of this.states.values()) state.controller?.abort();
    this.disposables.dispose();
  }

  private commitCount(state: MutableState): number {
    return experimentsCommitCount() + state.extraCommits;
  }

  private snapshot(state: MutableState): RepositoryExperiments {
    return {
      repository: state.repository,
      model: state.model,
      error: state.error,
      refreshing: state.refreshing,
      commitCount: this.commitCount(state),
      runningSince: state.runningSince,
      groups: state.groups ?? ungroupedCommits(state.model?.commits ?? []),
      otherBranches: this.otherBranches(state.repository.root.toString()),
    };
  }

  private trackRunning(state: MutableState, model: ExperimentsModel): void {
    const running = new Set<string>();
    for (const row of allExperiments(model)) {
      if (row.state !== 'running') continue;
      running.add(row.id);
      if (!state.runningSince.has(row.id)) state.runningSince.set(row.id, Date.now());
    }
    for (const id of [...state.runningSince.keys()]) if (!running.has(id)) state.runningSince.delete(id);
  }

  /** Polls while an experiment runs (workers are not ours: no event tells when they finish) or waits. */
  private schedulePoll(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    const rows = [...this.states.values()].flatMap((state) =>
      state.model ? allExperiments(state.model) : [],
    );
    const delay = rows.some((row) => row.state === 'running')
      ? RUNNING_POLL_MS
      : rows.some((row) => row.state === 'queued')
        ? QUEUED_POLL_MS
        : undefined;
    if (delay === undefined || !this.isWatched) return;
    this.pollTimer = setTimeout(() => this.refreshAll(), delay);
  }

  private sync(): void {
    const present = new Set<string>();
    for (const repository of this.repositories.repositories) {
      if (!repository.isDvcRepository) continue;
      const key = repository.root.toString();
      present.add(key);
      const existing = this.states.get(key);
      if (existing) existing.repository = repository;
      else {
        this.states.set(key, {
          repository,
          model: undefined,
          error: undefined,
          refreshing: false,
          extraCommits: 0,
          runningSince: new Map(),
          groups: undefined,
          controller: undefined,
        });
        this.debouncer.add(key);
      }
    }
    for (const [key, state] of this.states)
      if (!present.has(key)) {
        state.controller?.abort();
        this.states.delete(key);
      }
    this.changed.fire();
  }

  private fileChanged(uri: vscode.Uri): void {
    for (const [key, state] of this.states)
      if (
        isInside(uri, state.repository.root) &&
        affectsExperiments(relativePath(state.repository.root, uri))
      )
        this.debouncer.add(key);
  }
}
