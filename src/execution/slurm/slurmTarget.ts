/**
 * A Slurm cluster as a compute target: one batch job per run (a grid: one per combination), submitted with
 * `sbatch --parsable` here or on a login node over SSH, the job script on stdin. A job is polled with one
 * call (`scontrol show job -o`, then sacct for a job scontrol forgot, and the run's state file), cancelled
 * with `scancel`, its log is its `--output` file in the work folder, and its experiment comes home with
 * `dvc exp pull`.
 */
import type { RemoteRunRecord, SlurmTargetSettings } from '../../core/execution/computeTargetSettings';
import { remoteJobScript, type RemoteRunFiles } from '../../core/execution/remoteJobScript';
import { POLL_SECTION, parseSlurmPoll } from '../../core/execution/remoteRunState';
import { sbatchArguments, sbatchHeader } from '../../core/execution/sbatchArguments';
import { parseSbatchJobId } from '../../core/execution/slurmJobState';
import type { ProgramCheck } from '../../core/execution/targetCheck';
import type { SubmitContext } from '../computeTarget';
import { bashSnippet, type HostShell } from '../hostShell';
import { REMOTE_CALL_TIMEOUT_MS, type RemoteRunPoll } from '../remoteRun';
import type { PlannedRemoteRun } from '../remoteRunPlan';
import { ShellRemoteTarget } from '../shellRemoteTarget';

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

export class SlurmTarget extends ShellRemoteTarget<SlurmTargetSettings> {
  readonly kind = 'slurm' as const;
  protected readonly checks: readonly ProgramCheck[] = [
    { label: 'sbatch', command: 'sbatch --version' },
    // sbatch --version answers without the controller; sinfo proves the cluster answers, and names partitions.
    { label: 'sinfo', command: 'sinfo --summarize --noheader' },
    { label: 'git', command: 'git --version' },
  ];

  constructor(settings: SlurmTargetSettings, shell: HostShell) {
    super(settings, shell, 'Slurm');
  }

  protected async start(run: PlannedRemoteRun, workFolder: string, context: SubmitContext): Promise<string> {
    const script = remoteJobScript({
      ...run.script,
      header: sbatchHeader(this.settings),
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
    return jobId;
  }

  protected pollCommand(record: RemoteRunRecord, files: RemoteRunFiles): readonly string[] {
    return bashSnippet(POLL, [record.id, files.stateFile]);
  }

  protected parsePoll(stdout: string, record: RemoteRunRecord): RemoteRunPoll {
    return parseSlurmPoll(stdout, record.id);
  }

  protected stopCommand(record: RemoteRunRecord): readonly string[] {
    return ['scancel', record.id];
  }
}
