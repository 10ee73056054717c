/**
 * The Python interpreter of the environment DVC runs from, where a remote plugin (`dvc-s3`, ...) must be
 * installed: the interpreter itself for `python -m dvc`, else the `python` next to the real dvc executable (a
 * venv's, conda's or pipx's bin folder; symlinks resolved first, as pipx links into its venv).
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { pathExists, type DvcExecutable } from '../repository/processes';

/** Where to look, in order; pure, for tests. `resolvedCommand` is the dvc executable with symlinks resolved. */
export function dvcPythonCandidates(
  executable: DvcExecutable,
  resolvedCommand: string,
  platform: NodeJS.Platform = process.platform,
): string[] {
  if (executable.prefixArgs.includes('-m')) return [executable.command];
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const folder = paths.dirname(resolvedCommand);
  return platform === 'win32'
    ? [paths.join(folder, 'python.exe'), paths.join(paths.dirname(folder), 'python.exe')]
    : [paths.join(folder, 'python'), paths.join(folder, 'python3')];
}

/** The interpreter DVC runs with, or `undefined` when none can be found next to it (a system package). */
export async function dvcEnvironmentPython(executable: DvcExecutable): Promise<string | undefined> {
  const resolved = await realpath(executable.command).catch(() => executable.command);
  for (const candidate of dvcPythonCandidates(executable, resolved))
    if (executable.prefixArgs.includes('-m') || (await pathExists(candidate))) return candidate;
  return undefined;
}
