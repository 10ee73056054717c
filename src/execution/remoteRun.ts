/**
 * The run handle both remote targets share: its record, log (the output file beside the run folder, read or
 * followed where it is written), collection (`dvc exp pull` of its experiment through the repository) and the
 * failed step. How a run is polled and cancelled is the target's (RemoteRunBackend).
 */
import type { RemoteRunRecord } from '../core/execution/computeTargetSettings';
import {
  lastStepInLog,
  type RemoteJobStep,
  type RemoteRunFiles,
  type RemoteRunProgress,
} from '../core/execution/remoteJobScript';
import type { RunState } from '../core/execution/runState';
import type { RemoteRunHandle, RunLog, SubmitContext } from './computeTarget';
import { bashSnippet, type HostShell } from './hostShell';

/** A poll and a log read are cheap calls; a host that does not answer in this long is reported, not waited for. */
export const REMOTE_CALL_TIMEOUT_MS = 60_000;

/** What one poll found. */
export interface RemoteRunPoll {
  readonly state: RunState;
  readonly progress: RemoteRunProgress | undefined;
}

export interface RemoteRunBackend {
  poll(signal?: AbortSignal): Promise<RemoteRunPoll>;
  cancel(signal?: AbortSignal): Promise<void>;
}

/** A missing log is an empty one (a Slurm job that has not started has none yet). */
const READ_LOG = 'cat -- "$1" 2>/dev/null || true';

export class RemoteRun implements RemoteRunHandle {
  readonly id: string;
  readonly experiment: string;
  readonly log: RunLog;

  constructor(
    readonly record: RemoteRunRecord,
    private readonly files: RemoteRunFiles,
    private readonly shell: HostShell,
    private readonly gitRemote: string,
    private readonly context: SubmitContext,
    private readonly backend: RemoteRunBackend,
  ) {
    this.id = record.id;
    this.experiment = record.experiment;
    this.log = {
      read: async (signal) =>
        (
          await shell.run(bashSnippet(READ_LOG, [files.logFile]), {
            signal,
            timeoutMs: REMOTE_CALL_TIMEOUT_MS,
          })
        ).stdout,
      followCommand: () => shell.terminalCommand(['tail', '-n', '+1', '-F', '--', files.logFile]),
    };
  }

  async state(signal?: AbortSignal): Promise<RunState> {
    return (await this.backend.poll(signal)).state;
  }

  cancel(signal?: AbortSignal): Promise<void> {
    return this.backend.cancel(signal);
  }

  /** `dvc exp pull <git remote> <experiment>`: the experiment (and its outputs) into the repository. */
  async collect(signal?: AbortSignal): Promise<void> {
    await this.context.experiments.pull(this.gitRemote, [this.experiment], {
      signal,
      onOutput: this.context.onOutput,
    });
  }

  async failedStep(signal?: AbortSignal): Promise<RemoteJobStep | undefined> {
    const { progress } = await this.backend.poll(signal);
    if (progress?.phase === 'succeeded') return undefined;
    return progress?.step ?? lastStepInLog(await this.log.read(signal));
  }

  /** Where the run's files are (for tests and messages). */
  get runFiles(): RemoteRunFiles {
    return this.files;
  }
}
