/**
 * The end of a cancel, for both remote targets: wait until the run has really stopped, then make sure nothing
 * of it is left. The job script removes its clone on TERM already; a run killed harder (Slurm's KILL after
 * KillWait) could not, so the folder is removed here too, and a state file that still says `running` is
 * told the run was cancelled.
 */
import type { RemoteRunFiles } from '../core/execution/remoteJobScript';
import { isFinishedRunState } from '../core/execution/runState';
import { bashSnippet, type HostShell } from './hostShell';
import { REMOTE_CALL_TIMEOUT_MS, type RemoteRunPoll } from './remoteRun';

/** Slurm's default KillWait is 30 s (TERM to KILL); a little more for the scheduler to notice. */
const STOP_DEADLINE_MS = 45_000;
const STOP_POLL_MS = 500;

/** `$1` the run folder, `$2` the state file. */
const CLEAN_UP = [
  'rm -rf -- "$1"',
  'if [ -f "$2" ]; then',
  '  read -r phase step _ <"$2" || true',
  '  if [ "${phase:-}" = running ]; then printf \'cancelled %s 143\\n\' "${step:-}" >"$2"; fi',
  'fi',
].join('\n');

export async function finishCancel(
  shell: HostShell,
  files: RemoteRunFiles,
  poll: (signal?: AbortSignal) => Promise<RemoteRunPoll>,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + STOP_DEADLINE_MS;
  while (!isFinishedRunState((await poll(signal)).state)) {
    if (Date.now() > deadline)
      throw new Error(`The run ${files.runFolder} on ${shell.where} was told to stop but still runs.`);
    await new Promise((resolve) => setTimeout(resolve, STOP_POLL_MS));
    signal?.throwIfAborted();
  }
  await shell.run(bashSnippet(CLEAN_UP, [files.runFolder, files.stateFile]), {
    signal,
    timeoutMs: REMOTE_CALL_TIMEOUT_MS,
  });
}
