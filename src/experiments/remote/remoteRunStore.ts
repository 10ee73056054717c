/**
 * The runs sent beyond this machine, per workspace: kept in the workspace's memento so they survive a reload
 * (picked up again from their records by their targets), polled every few seconds while one is active (with a
 * backoff while polls fail, nothing while none is), and pulled home once they succeed, after which the
 * experiments slice is refreshed and the run is an ordinary experiment row.
 *
 * Polls never block the UI: one round at a time, in the background, each target asked in parallel; the view
 * paints from the entries it has.
 */
import * as vscode from 'vscode';
import {
  afterCollect,
  afterPoll,
  afterPollError,
  needsPolling,
  remotePollDelay,
  remoteRunKey,
  restoredRemoteRuns,
  submittedEntry,
  type RemoteRunEntry,
} from '../../core/execution/remoteRunEntry';
import type { RemoteRunHandle, RepositoryExperimentsAccess } from '../../execution';
import { DisposableStore } from '../../lifecycle/disposableStore';
import type { OutputLog } from '../../log/outputLog';
import { isTrusted, whenTrusted } from '../../trust/workspaceTrust';
import type { RemoteTargetsSetting } from './remoteTargetsSetting';

const MEMENTO_KEY = 'dvcLens.remoteRuns';

/** What the store needs of the rest of the extension. */
export interface RemoteRunStoreDependencies {
  readonly memento: vscode.Memento;
  readonly targets: RemoteTargetsSetting;
  /** The repository's experiments (DVC located, workspace trusted), or undefined for now; `root` as a record keeps it. */
  readonly experimentsOf: (root: string) => RepositoryExperimentsAccess | undefined;
  /** Re-reads the repository's experiments (after a pull home); `root` as a record keeps it. */
  readonly refreshExperiments: (root: string) => Promise<void>;
  readonly log: OutputLog;
  /** Runs a pull home behind progress (a notification in the editor). */
  readonly withProgress: <T>(title: string, task: (signal: AbortSignal) => Promise<T>) => Promise<T>;
}

export class RemoteRunStore implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changed = this.disposables.register(new vscode.EventEmitter<void>());
  /** An entry was added, removed or changed state (and, while runs are active, each poll round for the elapsed time). */
  readonly onDidChange = this.changed.event;
  private readonly entries = new Map<string, RemoteRunEntry>();
  private readonly handles = new Map<string, RemoteRunHandle>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private polling: Promise<void> | undefined;
  private failedRounds = 0;
  private disposed = false;

  constructor(private readonly deps: RemoteRunStoreDependencies) {
    for (const entry of restoredRemoteRuns(deps.memento.get<unknown>(MEMENTO_KEY)))
      this.entries.set(remoteRunKey(entry.record), entry);
    // A changed setting may bring a run's target (back): its handle is made anew from the new target.
    this.disposables.register(
      deps.targets.onDidChange(() => {
        this.handles.clear();
        this.schedule(0);
      }),
    );
    // Polling runs ssh/squeue: a trusted workspace only.
    this.disposables.register(whenTrusted(() => this.schedule(0)));
  }

  /** The runs of one repository (by root URI string, as the experiments store keys it), newest first; all without a root. */
  list(root?: string): RemoteRunEntry[] {
    // Records keep the root as the execution layer knows it: a file system path.
    const path = root === undefined ? undefined : vscode.Uri.parse(root).fsPath;
    return [...this.entries.values()]
      .filter((entry) => path === undefined || entry.record.root === path || entry.record.root === root)
      .sort((a, b) => b.record.submittedAt - a.record.submittedAt);
  }

  get(key: string): RemoteRunEntry | undefined {
    return this.entries.get(key);
  }

  /** Keeps the runs a target just accepted and starts polling them. */
  async add(runs: readonly RemoteRunHandle[]): Promise<void> {
    for (const run of runs) {
      const key = remoteRunKey(run.record);
      this.handles.set(key, run);
      this.entries.set(key, submittedEntry(run.record));
    }
    await this.save();
    this.schedule(0);
  }

  /** The run's handle: the one from its submit, or made again from its record (after a reload). */
  handleOf(key: string): RemoteRunHandle | undefined {
    const known = this.handles.get(key);
    if (known) return known;
    const entry = this.entries.get(key);
    if (!entry || !isTrusted()) return undefined;
    const target = this.deps.targets.byName(entry.record.target);
    const experiments = this.deps.experimentsOf(entry.record.root);
    if (!target || !experiments) return undefined;
    const handle = target.reattach(entry.record, { experiments });
    this.handles.set(key, handle);
    return handle;
  }

  /** Cancels the run on its target and notes it cancelled (the next poll confirms). */
  async cancel(key: string, signal?: AbortSignal): Promise<void> {
    const handle = this.handleOf(key);
    if (!handle) throw new Error(this.unreachable(key));
    await handle.cancel(signal);
    const entry = this.entries.get(key);
    if (entry) await this.update(key, afterPoll(entry, 'cancelled', Date.now()).entry);
  }

  /** Forgets a run (its row goes); the target is not asked anything. */
  async remove(key: string): Promise<void> {
    this.entries.delete(key);
    this.handles.delete(key);
    await this.save();
    this.changed.fire();
  }

  /** Polls now (a command or a test that does not want to wait). Resolves after the round. */
  async pollNow(): Promise<void> {
    this.schedule(0);
    await this.polling;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.disposables.dispose();
  }

  /** Why a run cannot be reached now. */
  unreachable(key: string): string {
    const entry = this.entries.get(key);
    if (!entry) return 'DVC Lens knows no such remote run.';
    if (!isTrusted()) return 'Remote runs are not reached in Restricted Mode.';
    if (!this.deps.targets.byName(entry.record.target))
      return `The compute target '${entry.record.target}' is no longer in dvcLens.computeTargets.`;
    return 'DVC is not ready for this repository yet; try again in a moment.';
  }

  private schedule(delay: number | undefined): void {
    if (this.disposed || delay === undefined || !isTrusted()) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.polling) return void this.polling.then(() => this.schedule(0));
      this.polling = this.round().finally(() => {
        this.polling = undefined;
        this.schedule(remotePollDelay(this.pollable(), this.failedRounds));
      });
    }, delay);
  }

  /** Active runs whose target is configured: a run of a removed target is not polled (its row says why). */
  private pollable(): RemoteRunEntry[] {
    return [...this.entries.values()].filter(
      (entry) => needsPolling(entry) && this.deps.targets.byName(entry.record.target) !== undefined,
    );
  }

  private async round(): Promise<void> {
    const results = await Promise.all(
      this.pollable().map((entry) => this.pollOne(remoteRunKey(entry.record))),
    );
    this.failedRounds = results.some((ok) => !ok) ? this.failedRounds + 1 : 0;
    // Every round repaints: the elapsed time of running rows moves on.
    this.changed.fire();
  }

  /** One poll of one run; false when the target could not be asked. */
  private async pollOne(key: string): Promise<boolean> {
    const handle = this.handleOf(key);
    const entry = this.entries.get(key);
    if (!handle || !entry) return true;
    try {
      const state = await handle.state();
      const current = this.entries.get(key);
      if (!current) return true;
      const next = afterPoll(current, state, Date.now());
      if (next.entry.state !== current.state || next.collect || current.message !== undefined)
        await this.update(key, next.entry);
      if (next.collect) void this.collect(key, handle);
      if (state === 'failed' && current.state !== 'failed') void this.readFailedStep(key, handle);
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.deps.log.error(`Polling remote run ${entry.record.target} ${entry.record.id} failed`, error);
      await this.update(key, afterPollError(entry, message));
      return false;
    }
  }

  private async collect(key: string, handle: RemoteRunHandle): Promise<void> {
    const { record } = handle;
    let error: string | undefined;
    try {
      await this.deps.withProgress(
        `Pulling experiment ${record.experiment} from ${record.target}`,
        (signal) => handle.collect(signal),
      );
      await this.deps.refreshExperiments(record.root);
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
      this.deps.log.error(`Pulling ${record.experiment} from ${record.target} failed`, caught);
    }
    const entry = this.entries.get(key);
    if (!entry) return;
    const next = afterCollect(entry, error);
    // Collected: it is an ordinary experiment row now, so the remote row goes.
    if (next.collect === 'collected') await this.remove(key);
    else await this.update(key, next);
  }

  private async readFailedStep(key: string, handle: RemoteRunHandle): Promise<void> {
    const step = await handle.failedStep?.().catch(() => undefined);
    const entry = this.entries.get(key);
    if (step && entry) await this.update(key, { ...entry, failedStep: step });
  }

  private async update(key: string, entry: RemoteRunEntry): Promise<void> {
    if (!this.entries.has(key)) return;
    this.entries.set(key, entry);
    await this.save();
    this.changed.fire();
  }

  private save(): Thenable<void> {
    return this.deps.memento.update(MEMENTO_KEY, [...this.entries.values()]);
  }
}
