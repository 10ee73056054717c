/**
 * A remote run's state from what one poll read on the far side: for Slurm the scheduler's word on the job plus
 * the run's state file, for an SSH host the state file plus whether the run's process is alive. The state file
 * adds what the scheduler cannot know: that a running job is pushing its experiment (`completing`), and which
 * step failed.
 */
import { parseRunProgress, type RemoteRunProgress } from './remoteJobScript';
import type { RunState } from './runState';
import { parseSacctJob, parseScontrolJob, runStateOfSlurmJob, type SlurmJobInfo } from './slurmJobState';

/** Section marks a poll prints between the answers it collects, so one process (one ssh round trip) is enough. */
export const POLL_SECTION = {
  scontrol: '--- dvc-lens scontrol',
  sacct: '--- dvc-lens sacct',
  state: '--- dvc-lens state',
  alive: '--- dvc-lens alive',
} as const;

function section(text: string, mark: string): string | undefined {
  const start = text.indexOf(`${mark}\n`);
  if (start < 0) return undefined;
  const rest = text.slice(start + mark.length + 1);
  const end = rest.search(/^--- dvc-lens /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The steps after which a run only hands its experiment over. */
function handingOver(progress: RemoteRunProgress | undefined): boolean {
  return progress?.phase === 'running' && (progress.step === 'push' || progress.step === 'verify');
}

/** A run whose job or process is gone: its state file is the last word (nothing written: it never ran well). */
function stateOfEndedRun(progress: RemoteRunProgress | undefined): RunState {
  if (progress?.phase === 'succeeded' || progress?.phase === 'cancelled') return progress.phase;
  return 'failed';
}

export interface SlurmPoll {
  readonly job: SlurmJobInfo | undefined;
  readonly progress: RemoteRunProgress | undefined;
  readonly state: RunState;
}

/**
 * A Slurm poll's output. A job scontrol no longer knows (`Invalid job id`: past MinJobAge) is read from sacct,
 * then from the state file; any other scontrol failure (the controller is unreachable) throws, so a passing
 * outage never ends a run.
 */
export function parseSlurmPoll(text: string, jobId: string): SlurmPoll {
  const scontrol = section(text, POLL_SECTION.scontrol) ?? '';
  const progress = parseRunProgress(section(text, POLL_SECTION.state) ?? '');
  const fromScontrol = parseScontrolJob(scontrol);
  if (!fromScontrol && !/Invalid job id/i.test(scontrol))
    throw new Error(`Slurm did not answer about job ${jobId}: ${scontrol.trim() || text.trim()}`);
  const job = fromScontrol ?? parseSacctJob(section(text, POLL_SECTION.sacct) ?? '', jobId);
  if (!job) return { job, progress, state: stateOfEndedRun(progress) };
  const state = runStateOfSlurmJob(job);
  return { job, progress, state: state === 'running' && handingOver(progress) ? 'completing' : state };
}

export interface SshPoll {
  readonly alive: boolean;
  readonly progress: RemoteRunProgress | undefined;
  readonly state: RunState;
}

/** An SSH poll's output: whether the run's process group lives, and its state file. */
export function parseSshPoll(text: string): SshPoll {
  const alive = (section(text, POLL_SECTION.alive) ?? '').trim() === '1';
  const progress = parseRunProgress(section(text, POLL_SECTION.state) ?? '');
  if (progress && progress.phase !== 'running') return { alive, progress, state: progress.phase };
  if (!alive) return { alive, progress, state: stateOfEndedRun(progress) };
  return { alive, progress, state: handingOver(progress) ? 'completing' : 'running' };
}
