/**
 * The reproduced demo repository (examples/demo-project with `dvc repro` done and committed), made once per
 * process and copied for each benchmark that needs one: making it runs DVC half a dozen times and the
 * pipeline's three stages, which a smoke run of the benchmarks would otherwise pay three times over. A copy
 * is a repository of its own (DVC's caches of file hashes are keyed by path and inode, so it rehashes).
 */
import { rmSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDemoRepo } from '../test/helpers/dvcEnvironment';

let template: Promise<string> | undefined;

async function makeTemplate(): Promise<string> {
  const made = await makeDemoRepo({ repro: true });
  // Removed when the process ends: synchronously, as an exit handler must.
  process.once('exit', () => rmSync(made.dir, { recursive: true, force: true }));
  return made.dir;
}

/** A fresh copy of the reproduced demo, removed by the returned cleanup. */
export async function reproducedDemoCopy(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  template ??= makeTemplate();
  const source = await template;
  const dir = await mkdtemp(join(tmpdir(), 'dvc-lens-demo-copy-'));
  await cp(source, dir, { recursive: true, preserveTimestamps: true });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
