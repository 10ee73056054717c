/**
 * Real DVC and git for integration tests: the pinned DVC from scripts/ensure-dvc.sh (installed once into a
 * venv cached outside the clone) and throwaway repositories under the OS temp folder.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createDemoWorkspace } from '../../scripts/createDemoWorkspace';

const run = promisify(execFile);
const repoRoot = resolve(__dirname, '..', '..');
export const gitIdentityArgs = ['-c', 'user.name=DVC Lens Test', '-c', 'user.email=test@dvc-lens.invalid'];
export const testEnv = { ...process.env, DVC_NO_ANALYTICS: 'true', GIT_TERMINAL_PROMPT: '0' };

let dvcPathPromise: Promise<string> | undefined;

/** The pinned dvc executable; installs it on first use (cached across runs). */
export function pinnedDvcPath(): Promise<string> {
  dvcPathPromise ??= process.env.DVC_LENS_DVC
    ? Promise.resolve(process.env.DVC_LENS_DVC)
    : run('bash', [join(repoRoot, 'scripts', 'ensure-dvc.sh')], { maxBuffer: 1 << 24 }).then((r) =>
        r.stdout.trim(),
      );
  return dvcPathPromise;
}

/** Runs the pinned dvc directly (for test setup and for assertions against DVC's own answer). */
export async function dvc(cwd: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run(await pinnedDvcPath(), [...args], { cwd, env: testEnv, maxBuffer: 1 << 26 });
  return stdout;
}

/** `dvc stage add -q -n <name> <options…> <cmd>`, e.g. options `['-d', 'in.txt', '-o', 'out.txt']`. */
export function addStage(
  cwd: string,
  name: string,
  options: readonly string[],
  cmd: string,
): Promise<string> {
  return dvc(cwd, ['stage', 'add', '-q', '-n', name, ...options, cmd]);
}

export async function git(cwd: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run('git', [...args], { cwd, env: testEnv, maxBuffer: 1 << 26 });
  return stdout;
}

/** A temp folder removed by the returned cleanup. */
export async function makeTempDir(
  prefix = 'dvc-lens-test-',
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** An empty git repository with `dvc init` done and committed. */
export async function makeDvcRepo(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const temp = await makeTempDir();
  await git(temp.dir, ['init', '-q', '-b', 'main']);
  await dvc(temp.dir, ['init', '-q']);
  await git(temp.dir, ['add', '-A']);
  await git(temp.dir, [...gitIdentityArgs, 'commit', '-q', '-m', 'dvc init']);
  return temp;
}

/** A fresh copy of examples/demo-project as a committed git + DVC repository. */
export async function makeDemoRepo(
  options: { repro?: boolean } = {},
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const temp = await makeTempDir('dvc-lens-demo-');
  await createDemoWorkspace(temp.dir, { dvcPath: await pinnedDvcPath(), repro: options.repro ?? false });
  return temp;
}
