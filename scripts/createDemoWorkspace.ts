/**
 * Copies examples/demo-project into a fresh folder and makes it a real git + DVC repository: `git init`,
 * `dvc init`, `dvc add` of the raw dataset (filling the local cache) and a first commit. Demos and tests use
 * it so that nothing ever runs inside the source tree.
 *
 * CLI: node --import tsx scripts/createDemoWorkspace.ts <destination> [--repro]
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const demoSource = resolve(__dirname, '..', 'examples', 'demo-project');
const gitIdentity = ['-c', 'user.name=DVC Lens Demo', '-c', 'user.email=demo@dvc-lens.invalid'];

export interface DemoWorkspaceOptions {
  /** The dvc executable to use (the pinned one from scripts/ensure-dvc.sh). */
  readonly dvcPath: string;
  /** Also run `dvc repro` and commit its lock file, so that the pipeline starts up to date. */
  readonly repro?: boolean;
}

export async function createDemoWorkspace(
  destination: string,
  options: DemoWorkspaceOptions,
): Promise<string> {
  const target = resolve(destination);
  await mkdir(target, { recursive: true });
  if ((await readdir(target)).length > 0)
    throw new Error(`Refusing to create the demo in a non-empty folder: ${target}`);
  await cp(demoSource, target, {
    recursive: true,
    filter: (source) => !source.includes('__pycache__'),
  });
  const env = { ...process.env, DVC_NO_ANALYTICS: 'true' };
  const inRepo = { cwd: target, env };
  await run('git', ['init', '-q', '-b', 'main'], inRepo);
  await run(options.dvcPath, ['init', '-q'], inRepo);
  await run(options.dvcPath, ['config', 'core.autostage', 'true'], inRepo);
  await run(options.dvcPath, ['add', '-q', 'data/raw.csv'], inRepo);
  await run('git', ['add', '-A'], inRepo);
  await run('git', [...gitIdentity, 'commit', '-q', '-m', 'Demo project: pipeline and raw data'], inRepo);
  if (options.repro) {
    await run(options.dvcPath, ['repro', '-q'], inRepo);
    await run('git', ['add', '-A'], inRepo);
    await run('git', [...gitIdentity, 'commit', '-q', '-m', 'Reproduce the pipeline'], inRepo);
  }
  return target;
}

async function main(): Promise<void> {
  const [destination, ...flags] = process.argv.slice(2);
  if (!destination) throw new Error('usage: createDemoWorkspace.ts <destination> [--repro]');
  const dvcPath =
    process.env.DVC_LENS_DVC ?? (await run('bash', [join(__dirname, 'ensure-dvc.sh')])).stdout.trim();
  const created = await createDemoWorkspace(destination, { dvcPath, repro: flags.includes('--repro') });
  console.log(created);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
