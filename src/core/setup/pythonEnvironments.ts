/**
 * Python environments where a user's DVC may live, beyond the workspace's own `.venv`/`venv`: the interpreter
 * the Python extension has selected, `python.defaultInterpreterPath`, the workspace's poetry and pipenv
 * environments, conda environments and pyenv versions. Pure: the host probes (settings, the Python
 * extension's API, `conda env list --json`, `poetry env info -p`, `pipenv --venv`, folder listings) and this
 * file turns what they said into environments in the order discovery tries them.
 */

/** Who named the environment, in the order of trust (what the person chose for this workspace first). */
export type PythonEnvironmentOrigin =
  'pythonExtension' | 'defaultInterpreterPath' | 'poetry' | 'pipenv' | 'condaActive' | 'conda' | 'pyenv';

const originRank: Readonly<Record<PythonEnvironmentOrigin, number>> = {
  pythonExtension: 0,
  defaultInterpreterPath: 1,
  poetry: 2,
  pipenv: 3,
  condaActive: 4,
  conda: 5,
  pyenv: 6,
};

const originWords: Readonly<Record<PythonEnvironmentOrigin, string>> = {
  pythonExtension: "the Python extension's selected interpreter",
  defaultInterpreterPath: 'setting python.defaultInterpreterPath',
  poetry: 'poetry environment of the workspace',
  pipenv: 'pipenv environment of the workspace',
  condaActive: 'active conda environment (CONDA_PREFIX)',
  conda: 'conda environment',
  pyenv: 'pyenv version',
};

/** One environment: its folder (`…/envs/x`, `…/.venv`) or, when only that is known, its interpreter. */
export interface PythonEnvironment {
  readonly origin: PythonEnvironmentOrigin;
  /** The environment's folder, or the interpreter file when `isInterpreter`. */
  readonly path: string;
  /** True when `path` is the interpreter itself (the Python extension and the setting name interpreters). */
  readonly isInterpreter: boolean;
}

/** What discovery runs for an environment: its own `dvc` if it has one, else `python -m dvc`. */
export interface EnvironmentExecutables {
  readonly dvc: string;
  readonly python: string;
}

export function environmentExecutables(
  environment: PythonEnvironment,
  platform: NodeJS.Platform,
): EnvironmentExecutables {
  const separator = platform === 'win32' ? '\\' : '/';
  const trimmed = environment.path.replace(/[\\/]+$/, '');
  if (environment.isInterpreter) {
    const folder = trimmed.slice(
      0,
      Math.max(0, Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'))),
    );
    // A venv's and conda's interpreter lives next to its scripts (bin/ or Scripts/; conda on Windows: the root).
    const scripts =
      platform === 'win32' && !/[\\/]Scripts$/i.test(folder) ? `${folder}${separator}Scripts` : folder;
    return { dvc: `${scripts}${separator}${platform === 'win32' ? 'dvc.exe' : 'dvc'}`, python: trimmed };
  }
  return platform === 'win32'
    ? { dvc: `${trimmed}\\Scripts\\dvc.exe`, python: `${trimmed}\\python.exe` }
    : { dvc: `${trimmed}/bin/dvc`, python: `${trimmed}/bin/python` };
}

/** How the discovery log names the environment, e.g. `conda environment /opt/conda/envs/ml`. */
export function describeEnvironment(environment: PythonEnvironment): string {
  return `${originWords[environment.origin]} ${environment.path}`;
}

/**
 * The environments in the order discovery tries them: by origin (the person's choice first), then as found;
 * one environment named twice (the selected interpreter is also a conda env) is tried once, where it ranks
 * highest.
 */
export function orderEnvironments(found: readonly PythonEnvironment[]): PythonEnvironment[] {
  const ordered = found
    .map((environment, index) => ({ environment, index }))
    .sort((a, b) => originRank[a.environment.origin] - originRank[b.environment.origin] || a.index - b.index)
    .map(({ environment }) => environment);
  const seen = new Set<string>();
  return ordered.filter((environment) => {
    const key = environmentKey(environment);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The environment's folder for an interpreter `…/env/bin/python` (or `…\\env\\Scripts\\python.exe`). */
function environmentKey(environment: PythonEnvironment): string {
  const path = environment.path.replace(/[\\/]+$/, '');
  if (!environment.isInterpreter) return path;
  return path
    .replace(/[\\/](bin|Scripts)[\\/][^\\/]+$/i, '')
    .replace(/[\\/]python(\d+(\.\d+)?)?(\.exe)?$/i, '');
}

/** `conda env list --json`: `{ "envs": ["/opt/conda", "/opt/conda/envs/ml"] }`; anything else: none. */
export function parseCondaEnvList(json: string): string[] {
  try {
    const parsed = JSON.parse(json) as { envs?: unknown };
    return Array.isArray(parsed.envs)
      ? parsed.envs.filter((env): env is string => typeof env === 'string' && env.length > 0)
      : [];
  } catch {
    return [];
  }
}

/** `~/.conda/environments.txt`: one environment folder a line (conda appends each env it creates). */
export function parseCondaEnvironmentsTxt(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

/** The last non-empty line of a probe's output (`poetry env info -p`, `pipenv --venv`), when it is a path. */
export function probedEnvironmentPath(stdout: string): string | undefined {
  const line = stdout
    .split(/\r?\n/)
    .map((text) => text.trim())
    .filter((text) => text.length > 0)
    .at(-1);
  return line && (line.startsWith('/') || /^[A-Za-z]:[\\/]/.test(line)) ? line : undefined;
}
