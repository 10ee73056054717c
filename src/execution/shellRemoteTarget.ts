/**
 * What the SSH and Slurm targets share: both hand each planned run to a shell (here or over ssh), keep it as a
 * record, poll it with one snippet, stop it with another, and check the far side by running a few programs.
 * A target says only how a run starts, how it is polled and stopped, and which programs it needs.
 */
import type { RemoteRunRecord, RemoteTargetSettings } from '../core/execution/computeTargetSettings';
import { remoteExperimentName, remoteRunFiles, type RemoteRunFiles } from '../core/execution/remoteJobScript';
import type { ExperimentRunRequest } from '../core/execution/runRequest';
import { isFinishedRunState } from '../core/execution/runState';
import { parseTargetCheck, targetCheckSnippet, type ProgramCheck } from '../core/execution/targetCheck';
import type {
  RemoteComputeTarget,
  RemoteRunHandle,
  RemoteSubmission,
  SubmitContext,
  TargetCheck,
} from './computeTarget';
import { bashSnippet, hostCallMessage, type HostShell } from './hostShell';
import { finishCancel } from './remoteCancel';
import { REMOTE_CALL_TIMEOUT_MS, RemoteRun, type RemoteRunPoll } from './remoteRun';
import { gitRemoteOf, planRemoteRuns, type PlannedRemoteRun } from './remoteRunPlan';

export abstract class ShellRemoteTarget<
  Settings extends RemoteTargetSettings,
> implements RemoteComputeTarget {
  abstract readonly kind: RemoteComputeTarget['kind'];
  readonly modes = ['queue'] as const;
  readonly id: string;
  readonly label: string;

  constructor(
    readonly settings: Settings,
    protected readonly shell: HostShell,
    kindLabel: string,
  ) {
    this.id = settings.name;
    this.label = `${settings.name} (${kindLabel})`;
  }

  protected get workFolder(): string {
    return this.shell.resolveFolder(this.settings.workFolder);
  }

  /** Hands one run over; resolves with the target's id for it once the far side accepted it. */
  protected abstract start(
    run: PlannedRemoteRun,
    workFolder: string,
    context: SubmitContext,
  ): Promise<string>;
  /** The bash snippet and its arguments that report a run's state in one call. */
  protected abstract pollCommand(record: RemoteRunRecord, files: RemoteRunFiles): readonly string[];
  protected abstract parsePoll(stdout: string, record: RemoteRunRecord): RemoteRunPoll;
  /** What stops a run that has not finished (its files are cleaned up after, by finishCancel). */
  protected abstract stopCommand(record: RemoteRunRecord, files: RemoteRunFiles): readonly string[];
  /** Programs Test Target runs before the setup lines (DVC is checked after them). */
  protected abstract readonly checks: readonly ProgramCheck[];

  async submit(request: ExperimentRunRequest, context: SubmitContext): Promise<RemoteSubmission> {
    const planned = await planRemoteRuns(this.settings, request, context);
    const workFolder = this.workFolder;
    const runs: RemoteRunHandle[] = [];
    try {
      for (const run of planned) {
        const id = await this.start(run, workFolder, context);
        const record: RemoteRunRecord = {
          target: this.settings.name,
          root: context.experiments.root,
          id,
          experiment: remoteExperimentName(run.script.experimentBase, id),
          baseline: run.baseline,
          overrides: run.overrides,
          submittedAt: Date.now(),
        };
        runs.push(this.reattach(record, context));
      }
    } catch (error) {
      // Half a grid is not what was asked for, and the caller could not see those runs: take them back.
      await Promise.allSettled(runs.map((run) => run.cancel()));
      throw error;
    }
    return { target: this, runs };
  }

  reattach(record: RemoteRunRecord, context: SubmitContext): RemoteRunHandle {
    const files = remoteRunFiles(this.workFolder, record.id);
    const shell = this.shell;
    const poll = async (signal?: AbortSignal): Promise<RemoteRunPoll> => {
      const result = await shell.run(this.pollCommand(record, files), {
        signal,
        timeoutMs: REMOTE_CALL_TIMEOUT_MS,
      });
      return this.parsePoll(result.stdout, record);
    };
    return new RemoteRun(record, files, shell, gitRemoteOf(this.settings), context, {
      poll,
      cancel: async (signal) => {
        if (isFinishedRunState((await poll(signal)).state)) return;
        await shell.run(this.stopCommand(record, files), { signal, timeoutMs: REMOTE_CALL_TIMEOUT_MS });
        await finishCancel(shell, files, poll, signal);
      },
    });
  }

  async test(signal?: AbortSignal): Promise<TargetCheck> {
    const snippet = targetCheckSnippet(this.checks, this.settings.setup ?? [], [
      { label: 'dvc', command: '"$1" --version' },
    ]);
    try {
      const result = await this.shell.run(bashSnippet(snippet, [this.settings.dvcCommand ?? 'dvc']), {
        signal,
        timeoutMs: REMOTE_CALL_TIMEOUT_MS,
      });
      return parseTargetCheck(result.stdout, this.shell.where);
    } catch (error) {
      return { ok: false, lines: [`Could not reach ${this.shell.where}: ${hostCallMessage(error)}`] };
    }
  }
}
