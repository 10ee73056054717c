/**
 * The pinned DVC for another account on this machine (the throwaway SSH login of the tests when they run as
 * root): the cached venv lives under /root, which no other account can enter, and its interpreter too
 * (pyenv). This makes a copy in a folder of the test's own (hard links: about a second, no extra space)
 * whose interpreter is the system's python3 of the same minor version, and a `dvc` that starts it. Nothing
 * outside the test's folder changes permissions.
 */
import { execFile } from 'node:child_process';
import { chmod, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { pinnedDvcPath } from './dvcEnvironment';

const run = promisify(execFile);

/** The `dvc` another account can run, in `folder` (which the test removes). */
export async function dvcForOtherAccounts(folder: string): Promise<string> {
  const venv = dirname(dirname(await pinnedDvcPath()));
  const copy = join(folder, 'dvc-venv');
  await run('cp', ['-al', venv, copy]).catch(() => run('cp', ['-a', venv, copy]));
  const config = await readFile(join(copy, 'pyvenv.cfg'), 'utf8');
  const version = /^version\s*=\s*(\d+\.\d+)/m.exec(config)?.[1];
  if (!version) throw new Error(`No Python version in ${venv}/pyvenv.cfg`);
  const python = `/usr/bin/python${version}`;
  // Replaced, never written through: with hard links, writing would change the cached venv itself.
  await rm(join(copy, 'pyvenv.cfg'));
  await writeFile(
    join(copy, 'pyvenv.cfg'),
    config
      .replace(/^home\s*=.*$/m, 'home = /usr/bin')
      .replace(/^executable\s*=.*$/m, `executable = ${python}`),
  );
  await rm(join(copy, 'bin', 'python3'));
  await symlink(python, join(copy, 'bin', 'python3'));
  const dvc = join(folder, 'dvc');
  await writeFile(dvc, `#!/bin/sh\nexec '${copy}/bin/python3' -m dvc "$@"\n`);
  await chmod(dvc, 0o755);
  return dvc;
}
