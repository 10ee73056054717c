/**
 * One repository's `dvc exp show`, as a slice of the repository hub: refreshed (debounced) when dvc.lock,
 * params, metrics or experiment refs change and after every experiment command; a failed read keeps the last
 * good model next to DVC's message. Nothing runs in Restricted Mode or without DVC (the hub hands out none).
 */
import * as vscode from 'vscode';
import { isCancellation } from '../repository/processes';
import { ungroupedCommits, type CommitGroups } from '../core/experiments/branchGroups';
import { allExperiments, type ExperimentsModel } from '../core/experiments/experimentModel';
import { Debouncer } from '../lifecycle/debouncer';
import { DisposableStore } from '../lifecycle/disposableStore';
import type { Repository } from '../repository/repository';
import { defineSlice, type RepositorySlice, type SliceKey } from '../repository/repositorySlice';
import { experimentsCommitCount } from './experimentSettings';
import { affectsExperiments, dvcMessage } from './experimentsReadTriggers';
import { ExperimentsService } from './experimentsService';
import { planOtherBranches } from './otherBranchesPlan';

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

/** What the slices share with the workspace-level face (ExperimentsStore). */
export interface ExperimentsSliceContext {
  /** Whether someone shows experiments now: while nobody does, changes only mark the slice stale. */
  isWatched(): boolean;
  /** The other branches chosen for the repository at `root` (a URI string), kept per workspace. */
  otherBranches(root: string): string[];
  /** A read ended (with an answer or an error): the face polls while experiments run or wait. */
  readEnded(): void;
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
  return cli ? new ExperimentsService(cli, repository.scheduler, repository.git) : undefined;
}

const READ_DELAY_MS = 500;

export class ExperimentsSlice implements RepositorySlice {
  private readonly disposables = new DisposableStore();
  private readonly changed = this.disposables.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly reads: Debouncer<true>;
  private model: ExperimentsModel | undefined;
  private error: string | undefined;
  private refreshing = false;
  private extraCommits = 0;
  private readonly runningSince = new Map<string, number>();
  private groups: CommitGroups | undefined;
  private controller: AbortController | undefined;
  /** A change came while nobody looked: the next look reads. */
  private stale = false;

  constructor(
    readonly repository: Repository,
    private readonly context: ExperimentsSliceContext,
  ) {
    this.reads = this.disposables.register(
      new Debouncer<true>(
        () => READ_DELAY_MS,
        () => {
          if (this.context.isWatched()) void this.refresh();
          else this.stale = true;
        },
      ),
    );
    this.disposables.register(
      repository.onFiles(
        (path) => affectsExperiments(path),
        () => this.scheduleRead(),
      ),
    );
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
      refreshing: this.refreshing,
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
    return this.refresh();
  }

  /** Asks DVC now; resolves when the answer (or the error) is in. A newer refresh cancels an older one. */
  async refresh(): Promise<void> {
    const service = experimentsServiceOf(this.repository);
    if (!service) return;
    this.stale = false;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.refreshing = true;
    this.changed.fire();
    const root = this.repository.root.toString();
    try {
      const count = this.commitCount;
      // Other branches: git's chains sort DVC's answer into branches (a failure only hides them).
      const plan = await planOtherBranches(
        this.repository.git,
        this.context.otherBranches(root),
        count,
        controller.signal,
      ).catch(() => undefined);
      const model = await service.show(plan?.query ?? { commits: count }, { signal: controller.signal });
      this.model = model;
      this.groups = plan?.group(model);
      this.error = undefined;
      this.trackRunning(model);
    } catch (error) {
      if (isCancellation(error) || controller.signal.aborted) return;
      this.error = dvcMessage(error);
      this.repository.log.error(`dvc exp show failed in ${root}: ${this.error}`);
    } finally {
      if (this.controller === controller) {
        this.controller = undefined;
        this.refreshing = false;
        this.changed.fire();
        this.context.readEnded();
      }
    }
  }

  dispose(): void {
    this.controller?.abort();
    this.disposables.dispose();
  }

  private get commitCount(): number {
    return experimentsCommitCount() + this.extraCommits;
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
