/**
 * A Slurm cluster as a compute target: one batch job per run (a grid: one per combination), submitted with
 * `sbatch --parsable` here or on a login node over SSH, the job script on stdin. A job is polled with one
 * call (`scontrol show job -o`, then sacct for a job scontrol forgot, and the run's state file), cancelled
 * with `scancel`, its log is its `--output` file in the work folder, and its experiment comes home with
 * `dvc exp pull`.
 */
import type { RemoteRunRecord, SlurmTargetSettings } from '../../core/execution/computeTargetSettings';
import type { ExperimentRunRequest } from '../../core/execution/runRequest';
import { isFinishedRunState } from '../../core/execution/runState';
import { remoteExperimentName, remoteJobScript, remoteRunFiles } from '../../core/execution/remoteJobScript';
import { POLL_SECTION, parseSlurmPoll } from '../../core/execution/remoteRunState';
import { sbatchArguments, sbatchHeader } from '../../core/execution/sbatchArguments';
import { parseSbatchJobId } from '../../core/execution/slurmJobState';
import { parseTargetCheck, targetCheckSnippet } from '../../core/execution/targetCheck';
import type {
  RemoteComputeTarget,
  RemoteRunHandle,
  RemoteSubmission,
  SubmitContext,
  TargetCheck,
} from '../computeTarget';
import { bashSnippet, hostCallMessage, type HostShell } from '../hostShell';
import { REMOTE_CALL_TIMEOUT_MS, RemoteRun, type RemoteRunPoll } from '../remoteRun';
import { gitRemoteOf, planRemoteRuns } from '../remoteRunPlan';
import { finishCancel } from '../remoteCancel';

/** `$1` job id, `$2` the run's state file. scontrol's exit code is printed so a failure can be told apart. */
const POLL = [
  `printf '%s\\n' '${POLL_SECTION.scontrol}'`,
  'if ! scontrol show job -o "$1" 2>&1; then',
  `  printf '%s\\n' '${POLL_SECTION.sacct}'`,
  // slurmdbd's accounting first; a cluster without it may still keep a job completion file (-c).
  '  sacct -P -n -o JobID,State,ExitCode -j "$1" 2>/dev/null || true',
  '  sacct -c -P -n -o JobID,State,ExitCode -j "$1" 2>/dev/null || true',
  'fi',
  `printf '%s\\n' '${POLL_SECTION.state}'`,
  'cat -- "$2" 2>/dev/null || true',
].join('\n');

/** `$1` the work folder, then the sbatch command: sbatch opens the --output file there before the job runs. */
const SUBMIT = 'mkdir -p -- "$1" && shift && exec "$@"';

export class SlurmTarget implements RemoteComputeTarget {
  readonly kind = 'slurm' as const;
  readonly modes = ['queue'] as const;
  readonly id: string;
  readonly label: string;

  constructor(
    readonly settings: SlurmTargetSettings,
    private readonly shell: HostShell,
  ) {
    this.id = settings.name;
    this.label = `${settings.name} (Slurm)`;
  }

  private get workFolder(): string {
    return this.shell.resolveFolder(this.settings.workFolder);
  }

  async submit(request: ExperimentRunRequest, context: SubmitContext): Promise<RemoteSubmission> {
    const planned = await planRemoteRuns(this.settings, request, context);
    const workFolder = this.workFolder;
    const header = sbatchHeader(this.settings);
    const runs: RemoteRunHandle[] = [];
    try {
      for (const run of planned) {
        const script = remoteJobScript({
          ...run.script,
          header,
          workFolder,
          runId: { variable: 'SLURM_JOB_ID' },
        });
        const result = await this.shell.run(
          bashSnippet(SUBMIT, [
            workFolder,
            ...sbatchArguments(this.settings, workFolder, run.script.experimentBase),
          ]),
          { input: script, signal: context.signal, timeoutMs: REMOTE_CALL_TIMEOUT_MS },
        );
        const jobId = parseSbatchJobId(result.stdout);
        context.onOutput?.(`Submitted batch job ${jobId} on ${this.label}`, 'stdout');
        runs.push(
          this.reattach(
            {
              target: this.settings.name,
              root: context.experiments.root,
              id: jobId,
              experiment: remoteExperimentName(run.script.experimentBase, jobId),
              baseline: run.baseline,
              overrides: run.overrides,
              submittedAt: Date.now(),
            },
            context,
          ),
        );
      }
    } catch (error) {
      // Half a grid is not what was asked for, and the caller could not see those jobs: take them back.
      await Promise.allSettled(runs.map((run) => run.cancel()));
      throw error;
    }
    return { target: this, runs };
  }

  reattach(record: RemoteRunRecord, context: SubmitContext): RemoteRunHandle {
    const files = remoteRunFiles(this.workFolder, record.id);
    const shell = this.shell;
    const poll = async (signal?: AbortSignal): Promise<RemoteRunPoll> => {
      const result = await shell.run(bashSnippet(POLL, [record.id, files.stateFile]), {
        signal,
        timeoutMs: REMOTE_CALL_TIMEOUT_MS,
      });
      return parseSlurmPoll(result.stdout, record.id);
    };
    return new RemoteRun(record, files, shell, gitRemoteOf(this.settings), context, {
      poll,
      async cancel(signal) {
        if (isFinishedRunState((await poll(signal)).state)) return;
        await shell.run(['scancel', record.id], { signal, timeoutMs: REMOTE_CALL_TIMEOUT_MS });
        await finishCancel(shell, files, poll, signal);
      },
    });
  }

  async test(signal?: AbortSignal): Promise<TargetCheck> {
    const snippet = targetCheckSnippet(
      [
        { label: 'sbatch', command: 'sbatch --version' },
        // sbatch --version answers without the controller; sinfo proves the cluster answers, and names partitions.
        { label: 'sinfo', command: 'sinfo --summarize --noheader' },
        { label: 'git', command: 'git --version' },
      ],
      this.settings.setup ?? [],
      [{ label: 'dvc', command: '"$1" --version' }],
    );
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
