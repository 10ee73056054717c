/**
 * The Python environments tools know of, without VS Code: the workspace folders' poetry and pipenv
 * environments (`poetry env info -p`, `pipenv --venv`), conda environments (CONDA_PREFIX, `conda env list
 * --json`, ~/.conda/environments.txt) and pyenv versions (PYENV_ROOT or ~/.pyenv, `versions/*`). Each probe has
 * a timeout and fails quietly, saying what it saw through `note`.
 */
import { access, readdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  parseCondaEnvironmentsTxt,
  parseCondaEnvList,
  probedEnvironmentPath,
  type PythonEnvironment,
} from '../core/setup/pythonEnvironments';
import type { CommandRunner } from '../repository/processes';

/** A probe that starts a tool (conda, poetry, pipenv) gives up after this long. */
const PROBE_TIMEOUT_MS = 20_000;

export interface ToolProbeContext {
  readonly runner: CommandRunner;
  /** The workspace folders on disk. */
  readonly folders: readonly string[];
  /** CONDA_PREFIX, CONDA_EXE, PYENV_ROOT and PATH are read from it (the extension host's environment). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** One line per probe: what it found, or why nothing. */
  readonly note: (line: string) => void;
  /** Home folder (~/.conda, ~/.pyenv); the user's by default. */
  readonly home?: string;
}

export async function probeToolEnvironments(context: ToolProbeContext): Promise<PythonEnvironment[]> {
  const found = await Promise.all([poetry(context), pipenv(context), conda(context), pyenv(context)]);
  return found.flat();
}

/** The tools run with this environment's PATH, so that one found on it is the one the person uses. */
function toolEnv(context: ToolProbeContext): Record<string, string> {
  const path = context.env.PATH;
  return path === undefined ? {} : { PATH: path };
}

/** `poetry env info -p` in each folder with a pyproject.toml. */
function poetry(context: ToolProbeContext): Promise<PythonEnvironment[]> {
  return toolPerFolder(context, 'poetry', 'pyproject.toml', ['env', 'info', '-p']);
}

/** `pipenv --venv` in each folder with a Pipfile. */
function pipenv(context: ToolProbeContext): Promise<PythonEnvironment[]> {
  return toolPerFolder(context, 'pipenv', 'Pipfile', ['--venv']);
}

async function toolPerFolder(
  context: ToolProbeContext,
  tool: 'poetry' | 'pipenv',
  marker: string,
  args: readonly string[],
): Promise<PythonEnvironment[]> {
  const found: PythonEnvironment[] = [];
  for (const folder of context.folders) {
    if (!(await exists(join(folder, marker)))) {
      context.note(`${tool}: no ${marker} in ${folder}`);
      continue;
    }
    try {
      const { stdout } = await context.runner.run({
        file: tool,
        args,
        cwd: folder,
        env: toolEnv(context),
        timeoutMs: PROBE_TIMEOUT_MS,
      });
      const path = probedEnvironmentPath(stdout);
      if (path) found.push({ origin: tool, path, isInterpreter: false });
      else context.note(`${tool}: no environment for ${folder}`);
    } catch (error) {
      context.note(`${tool} in ${folder}: ${firstLine(error)}`);
    }
  }
  return found;
}

async function conda(context: ToolProbeContext): Promise<PythonEnvironment[]> {
  const home = context.home ?? homedir();
  const found: PythonEnvironment[] = [];
  const active = context.env.CONDA_PREFIX?.trim();
  if (active) found.push({ origin: 'condaActive', path: active, isInterpreter: false });
  const listed = new Set<string>();
  const conda = context.env.CONDA_EXE?.trim() || 'conda';
  try {
    const { stdout } = await context.runner.run({
      file: conda,
      args: ['env', 'list', '--json'],
      cwd: context.folders[0] ?? home,
      env: toolEnv(context),
      timeoutMs: PROBE_TIMEOUT_MS,
    });
    for (const env of parseCondaEnvList(stdout)) listed.add(env);
  } catch (error) {
    context.note(`conda env list: ${firstLine(error)}`);
  }
  // Conda appends every environment it creates here, also when `conda` itself is not on PATH.
  const registry = join(home, '.conda', 'environments.txt');
  const text = await readFile(registry, 'utf8').catch(() => undefined);
  if (text === undefined) context.note(`conda: no ${registry}`);
  for (const env of parseCondaEnvironmentsTxt(text ?? '')) listed.add(env);
  for (const path of listed) found.push({ origin: 'conda', path, isInterpreter: false });
  return found;
}

async function pyenv(context: ToolProbeContext): Promise<PythonEnvironment[]> {
  const root = context.env.PYENV_ROOT?.trim() || join(context.home ?? homedir(), '.pyenv');
  const versions = join(root, 'versions');
  try {
    const entries = await readdir(versions, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory() || entry.isSymbolicLink())
      .map((entry) => entry.name)
      .sort((a, b) => b.localeCompare(a, undefined, { numeric: true }))
      .map((name) => ({ origin: 'pyenv' as const, path: join(versions, name), isInterpreter: false }));
  } catch {
    context.note(`pyenv: no ${versions}`);
    return [];
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split(/\r?\n/)[0] ?? text;
}
