/**
 * What Slurm says about a job, read from its clients' text (Slurm 22.05, fixtures recorded from a real
 * cluster): `sbatch --parsable`, `scontrol show job -o <id>` (kept for MinJobAge after the end), and
 * `sacct -P -n -o JobID,State,ExitCode` (from slurmdbd, or `-c` from the job completion file) for older jobs.
 */
import type { RunState } from './runState';

/** The job id `sbatch --parsable` printed (`123`, or `123;cluster` on a multi-cluster setup). */
export function parseSbatchJobId(output: string): string {
  const line = output.trim().split('\n').pop()?.trim() ?? '';
  const id = line.split(';')[0] ?? '';
  if (!/^\d+$/.test(id)) throw new Error(`sbatch did not print a job id: '${output.trim()}'`);
  return id;
}

/** One job as Slurm describes it. */
export interface SlurmJobInfo {
  /** `PENDING`, `RUNNING`, `COMPLETED`… (sacct's `CANCELLED by 0` reads `CANCELLED`). */
  readonly state: string;
  /** The script's exit code, and the signal that ended it (`ExitCode=0:15`). */
  readonly exitCode: number | undefined;
  readonly signal: number | undefined;
  /** Why it waits or ended (`Resources`, `Priority`, `NonZeroExitCode`); scontrol only. */
  readonly reason: string | undefined;
}

/** `scontrol show job -o <id>`: one line of `Key=Value` pairs; undefined when it is not about a job. */
export function parseScontrolJob(text: string): SlurmJobInfo | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith('JobId='));
  if (!line) return undefined;
  const field = (key: string): string | undefined => new RegExp(`(?:^|\\s)${key}=(\\S*)`).exec(line)?.[1];
  const state = field('JobState');
  if (!state) return undefined;
  const reason = field('Reason');
  return { state, ...exitCodeOf(field('ExitCode')), reason: reason === 'None' ? undefined : reason };
}

/**
 * `sacct -P -n -o JobID,State,ExitCode -j <id>`: the job's own line (its steps, `123.batch`, follow it);
 * undefined when sacct does not know the job.
 */
export function parseSacctJob(text: string, jobId: string): SlurmJobInfo | undefined {
  for (const line of text.split('\n')) {
    const [id, state, exitCode] = line.trim().split('|');
    if (id !== jobId || !state) continue;
    return { state: state.split(' ')[0] ?? state, ...exitCodeOf(exitCode), reason: undefined };
  }
  return undefined;
}

function exitCodeOf(text: string | undefined): { exitCode: number | undefined; signal: number | undefined } {
  const match = /^(\d+):(\d+)$/.exec(text ?? '');
  return match
    ? { exitCode: Number(match[1]), signal: Number(match[2]) }
    : { exitCode: undefined, signal: undefined };
}

/**
 * A Slurm job's state as a run state. COMPLETING after a clean exit (the job's processes are ending, epilog
 * running) reads `completing`; the finished states are final; an unknown state (a newer Slurm) reads `running` so polling
 * goes on rather than giving up on a job that may still finish.
 */
export function runStateOfSlurmJob(job: SlurmJobInfo): RunState {
  switch (job.state) {
    case 'PENDING':
    case 'REQUEUED':
    case 'REQUEUE_HOLD':
    case 'REQUEUE_FED':
    case 'RESV_DEL_HOLD':
    case 'CONFIGURING':
      return 'queued';
    case 'COMPLETING':
    case 'STAGE_OUT':
      // A job cancelled or killed also passes through COMPLETING: that one is still on its way to its end.
      return job.exitCode === 0 && job.signal === 0 ? 'completing' : 'running';
    case 'COMPLETED':
      return 'succeeded';
    case 'CANCELLED':
      return 'cancelled';
    case 'FAILED':
    case 'TIMEOUT':
    case 'NODE_FAIL':
    case 'OUT_OF_MEMORY':
    case 'BOOT_FAIL':
    case 'DEADLINE':
    case 'PREEMPTED':
    case 'REVOKED':
    case 'SPECIAL_EXIT':
      return 'failed';
    default:
      // RUNNING, SUSPENDED, STOPPED, RESIZING, SIGNALING, and states Slurm may add.
      return 'running';
  }
}
