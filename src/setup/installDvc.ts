/**
 * Installs DVC into `<folder>/.venv` with a given python: `python -m venv .venv` (skipped when the venv is
 * already there: nothing is recreated or deleted), then `pip install dvc` with the venv's own interpreter.
 * Cancelling kills pip and the build processes it started. Discovery then finds `.venv/bin/dvc` by itself.
 */
import path from 'node:path';
import { pathExists } from '../repository/processes';
import type { CommandRunner } from '../repository/processes';

export interface InstallDvcOptions {
  /** The workspace folder that gets `.venv`. */
  readonly folder: string;
  /** The interpreter that creates the venv (e.g. `python3`, or the dvcLens.pythonPath setting). */
  readonly python: string;
  readonly runner: CommandRunner;
  readonly signal?: AbortSignal;
  /** Every line venv and pip print, as they print it. */
  readonly onOutput?: (line: string) => void;
  /** What pip installs (default `dvc`), e.g. `dvc[s3]` or `dvc==3.67.1`. */
  readonly requirement?: string;
  /** Defaults to process.platform; decides the venv layout (bin/ or Scripts\). */
  readonly platform?: NodeJS.Platform;
}

export const VENV_FOLDER = '.venv';

/** The venv's python and dvc executables for a platform. */
export function venvExecutables(
  venv: string,
  platform: NodeJS.Platform = process.platform,
): { python: string; dvc: string } {
  return platform === 'win32'
    ? {
        python: path.win32.join(venv, 'Scripts', 'python.exe'),
        dvc: path.win32.join(venv, 'Scripts', 'dvc.exe'),
      }
    : { python: path.posix.join(venv, 'bin', 'python'), dvc: path.posix.join(venv, 'bin', 'dvc') };
}

/** Resolves with the path of the installed dvc executable. */
export async function installDvc(options: InstallDvcOptions): Promise<string> {
  const venv = path.join(options.folder, VENV_FOLDER);
  const executables = venvExecutables(venv, options.platform);
  const run = { signal: options.signal, onOutput: options.onOutput };

  if (!(await pathExists(executables.python))) {
    options.onOutput?.(`Creating ${venv} with ${options.python}`);
    await options.runner.run({ file: options.python, args: ['-m', 'venv', venv], cwd: options.folder }, run);
  }
  const requirement = options.requirement ?? 'dvc';
  options.onOutput?.(`Installing ${requirement} into ${venv}`);
  await options.runner.run(
    {
      file: executables.python,
      args: ['-m', 'pip', 'install', '--disable-pip-version-check', '--progress-bar', 'off', requirement],
      cwd: options.folder,
    },
    run,
  );
  if (!(await pathExists(executables.dvc))) {
    throw new Error(
      `pip finished, but ${executables.dvc} does not exist: is "${requirement}" the DVC package?`,
    );
  }
  return executables.dvc;
}
