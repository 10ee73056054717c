/** Shared set-up for the src/cli integration tests: the pinned DVC behind our own runner and scheduler. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DvcCli } from '../../src/cli/dvcCli';
import type { DvcExecutable } from '../../src/cli/dvcExecutable';
import { isProcessRunning, listProcessTree } from '../../src/cli/processTree';
import { RepositoryScheduler } from '../../src/cli/repositoryScheduler';
import { ProcessRunner } from '../../src/cli/runner';
import { pinnedDvcPath } from '../helpers/dvcEnvironment';

export async function pinnedExecutable(): Promise<DvcExecutable> {
  return { command: await pinnedDvcPath(), prefixArgs: [], source: 'setting', version: '3.67.1' };
}

export interface RecordingCli {
  readonly cli: DvcCli;
  readonly scheduler: RepositoryScheduler;
  readonly runner: ProcessRunner;
  /** Every line the runner logged, in order. */
  readonly lines: string[];
}

export async function recordingDvcCli(root: string): Promise<RecordingCli> {
  const lines: string[] = [];
  const runner = new ProcessRunner({ log: { append: (line) => lines.push(line) }, killGraceMs: 2000 });
  const scheduler = new RepositoryScheduler(root, runner);
  return { cli: new DvcCli(await pinnedExecutable(), scheduler), scheduler, runner, lines };
}

/** Polls until `probe` returns a value (not undefined). */
export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The pids of the tree under `pid()` once it has at least `count` processes. */
export function treeOfAtLeast(pid: () => number, count: number): Promise<number[]> {
  return waitFor(async () => {
    if (pid() <= 1) return undefined;
    const tree = await listProcessTree(pid());
    return tree.length >= count ? tree : undefined;
  }, `a process tree of ${count}`);
}

export async function runningOf(pids: readonly number[]): Promise<number[]> {
  const running: number[] = [];
  for (const pid of pids) if (await isProcessRunning(pid)) running.push(pid);
  return running;
}

/**
 * Environment for git that ignores the machine's own configuration: HOME (and XDG) point at `home`, system
 * config is off; with `identity`, `home/.gitconfig` gets a test user.
 */
export async function isolatedGitEnvironment(
  home: string,
  identity: boolean,
): Promise<Record<string, string>> {
  if (identity)
    await writeFile(
      join(home, '.gitconfig'),
      '[user]\n\tname = DVC Lens Test\n\temail = test@dvc-lens.invalid\n',
    );
  return { HOME: home, XDG_CONFIG_HOME: join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1' };
}
