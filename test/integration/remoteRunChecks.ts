/** Shared checks of the remote target tests (Slurm, SSH): waiting for a run, and processes left behind. */
import { readdir, readFile } from 'node:fs/promises';
import type { RunHandle, RunState } from '../../src/execution';
import { isFinishedRunState } from '../../src/execution';

/** Polls the run every 300 ms until it finished; the distinct states seen, in order (the last is the end). */
export async function waitForRun(run: RunHandle, timeoutMs: number): Promise<RunState[]> {
  const seen: RunState[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await run.state();
    if (seen.at(-1) !== state) seen.push(state);
    if (isFinishedRunState(state)) return seen;
    if (Date.now() > deadline) throw new Error(`run ${run.id} did not finish: ${seen.join(' → ')}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** Processes (other than this one) whose command line mentions `text`: `pid: command line`. */
export async function processesMentioning(text: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const commandLine = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (commandLine.includes(text)) found.push(`${entry}: ${commandLine.replace(/\0/g, ' ')}`);
  }
  return found;
}
