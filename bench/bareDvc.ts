/**
 * The baseline side of a comparison: the pinned DVC run bare, started the way the extension's ProcessRunner
 * starts it (its own process group and session, stdin closed), so that only our code differs between the
 * two sides. Not the tests' `dvc()` helper (child_process.execFile in the benchmark's own session): Linux
 * schedules each session as its own group (sched_autogroup), and on a machine loaded by other sessions a
 * process left in the benchmark's session got about half the CPU of ours in its own; the bare CLI came out
 * up to 2x slower than ours for that reason alone.
 */
import { spawn } from 'node:child_process';
import { pinnedDvcPath, testEnv } from '../test/helpers/dvcEnvironment';

/** Runs `dvc <args>` in `cwd` and returns its stdout; rejects with its stderr when it exits non-zero. */
export async function bareDvc(cwd: string, args: readonly string[]): Promise<string> {
  const dvcPath = await pinnedDvcPath();
  return new Promise<string>((resolve, reject) => {
    const child = spawn(dvcPath, [...args], {
      cwd,
      env: testEnv,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(Buffer.concat(stdout).toString('utf8'));
      else
        reject(
          new Error(
            `dvc ${args.join(' ')} ended with ${code ?? signal}: ${Buffer.concat(stderr).toString('utf8')}`,
          ),
        );
    });
  });
}
