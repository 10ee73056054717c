/**
 * Finding DVC is the first thing that goes wrong for users, so discovery reports every place it looked and
 * what it found there, not only the winner. Order: the `dvcLens.dvcPath` setting, a venv in a workspace
 * folder, `python -m dvc` with the `dvcLens.pythonPath` interpreter, the Python environments the host found
 * (the Python extension's interpreter, python.defaultInterpreterPath, poetry, pipenv, conda, pyenv: see
 * core/setup/pythonEnvironments.ts), `dvc` on PATH. The first candidate that runs and is at least
 * MINIMUM_DVC_VERSION is chosen.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import {
  describeEnvironment,
  environmentExecutables,
  orderEnvironments,
  type PythonEnvironment,
} from '../core/setup/pythonEnvironments';
import type { DvcExecutable, DvcExecutableSource } from './dvcExecutable';
import { MINIMUM_DVC_VERSION, isVersionAtLeast, parseVersion } from './dvcVersion';
import { readInstalledDvcVersion } from './installedDvcVersion';
import { isProcessError } from './processError';
import type { CommandRunner } from './runner';

/** The first DVC start-up compiles its modules and can take tens of seconds on a cold disk. */
const VERSION_TIMEOUT_MS = 60_000;

export interface DvcDiscoveryOptions {
  /** The `dvcLens.dvcPath` setting as the user wrote it (absolute, `~/…`, relative to the first folder, or a name on PATH). */
  readonly dvcPath?: string;
  /** The `dvcLens.pythonPath` setting: an interpreter with DVC installed, run as `python -m dvc`. */
  readonly pythonPath?: string;
  readonly workspaceFolders: readonly string[];
  readonly runner: CommandRunner;
  readonly signal?: AbortSignal;
  /**
   * The Python environments to try after the settings' candidates. Called only when discovery gets that far
   * (its probes start processes), so a DVC found earlier costs none of them.
   */
  readonly pythonEnvironments?: () => Promise<readonly PythonEnvironment[]>;
  /** Check every candidate, even after one was chosen (for a diagnostic report). */
  readonly exhaustive?: boolean;
  /** Defaults to process.env; PATH (and PATHEXT on Windows) are read from it. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Defaults to process.platform; decides venv layouts and executable names. */
  readonly platform?: NodeJS.Platform;
}

/** What discovery found at one candidate. */
export type DvcCandidateOutcome =
  | { readonly kind: 'found'; readonly version: string }
  | { readonly kind: 'tooOld'; readonly version: string; readonly minimum: string }
  | { readonly kind: 'notFound'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string }
  /** The setting behind this candidate is empty. */
  | { readonly kind: 'notConfigured'; readonly message: string };

/** One place discovery looked, for the UI's "which DVC and why" message. */
export interface DvcCandidateReport {
  readonly source: DvcExecutableSource;
  /** E.g. "setting dvcLens.dvcPath", "venv in /work/project/.venv", "PATH". */
  readonly description: string;
  readonly command: string;
  readonly prefixArgs: readonly string[];
  readonly outcome: DvcCandidateOutcome;
  /**
   * How the version was learnt, for the log: "dvc --version", or the files it was read from without a
   * process (see installedDvcVersion.ts). Absent when the candidate never got that far.
   */
  readonly versionFrom?: string;
}

export interface DvcDiscoveryResult {
  /** The DVC to use, or undefined when no candidate is usable. */
  readonly chosen: DvcExecutable | undefined;
  /** Every candidate tried, in order. */
  readonly candidates: readonly DvcCandidateReport[];
}

interface Candidate {
  readonly source: DvcExecutableSource;
  readonly description: string;
  readonly command: string;
  readonly prefixArgs: readonly string[];
  /** Known before running anything (unset setting, missing file). */
  readonly precheck?: DvcCandidateOutcome;
}

export async function discoverDvc(options: DvcDiscoveryOptions): Promise<DvcDiscoveryResult> {
  const candidates: DvcCandidateReport[] = [];
  let chosen: DvcExecutable | undefined;
  for await (const candidate of listCandidates(options)) {
    if (chosen && !options.exhaustive) break;
    const { outcome, versionFrom } = candidate.precheck
      ? { outcome: candidate.precheck, versionFrom: undefined }
      : await checkCandidate(candidate, options);
    candidates.push({ ...candidate, outcome, ...(versionFrom ? { versionFrom } : {}) });
    if (!chosen && outcome.kind === 'found') {
      chosen = {
        command: candidate.command,
        prefixArgs: candidate.prefixArgs,
        source: candidate.source,
        version: outcome.version,
      };
    }
  }
  return { chosen, candidates };
}

async function* listCandidates(options: DvcDiscoveryOptions): AsyncGenerator<Candidate> {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const firstFolder = options.workspaceFolders[0];

  const setting = options.dvcPath?.trim() ?? '';
  if (setting === '') {
    yield notConfigured('setting', 'setting dvcLens.dvcPath', 'dvcLens.dvcPath is not set');
  } else {
    const resolved = await resolveSettingPath(setting, firstFolder, env, platform);
    yield await fileCandidate(
      'setting',
      `setting dvcLens.dvcPath (${setting})`,
      resolved ?? setting,
      platform,
    );
  }

  for (const folder of options.workspaceFolders) {
    for (const venv of ['.venv', 'venv']) {
      const executable =
        platform === 'win32'
          ? path.win32.join(folder, venv, 'Scripts', 'dvc.exe')
          : path.posix.join(folder, venv, 'bin', 'dvc');
      yield await fileCandidate('workspaceVenv', `venv in ${path.join(folder, venv)}`, executable, platform);
    }
  }

  const python = options.pythonPath?.trim() ?? '';
  if (python === '') {
    yield notConfigured(
      'pythonModule',
      'python -m dvc (setting dvcLens.pythonPath)',
      'dvcLens.pythonPath is not set',
    );
  } else {
    const resolved = (await resolveSettingPath(python, firstFolder, env, platform)) ?? python;
    const candidate = await fileCandidate('pythonModule', `python -m dvc with ${python}`, resolved, platform);
    yield { ...candidate, prefixArgs: ['-m', 'dvc'] };
  }

  for (const environment of orderEnvironments((await options.pythonEnvironments?.()) ?? [])) {
    const { dvc, python } = environmentExecutables(environment, platform);
    const description = describeEnvironment(environment);
    if (await isExecutableFile(dvc, platform)) {
      yield { source: 'pythonEnvironment', description, command: dvc, prefixArgs: [] };
      continue;
    }
    const candidate = await fileCandidate(
      'pythonEnvironment',
      `${description}: python -m dvc`,
      python,
      platform,
    );
    yield { ...candidate, prefixArgs: ['-m', 'dvc'] };
  }

  const onPath = await findOnPath('dvc', env, platform);
  yield onPath
    ? { source: 'path', description: 'PATH', command: onPath, prefixArgs: [] }
    : {
        source: 'path',
        description: 'PATH',
        command: 'dvc',
        prefixArgs: [],
        precheck: { kind: 'notFound', message: 'no dvc executable in any PATH folder' },
      };
}

interface CandidateCheck {
  readonly outcome: DvcCandidateOutcome;
  readonly versionFrom?: string;
}

/** The version from pip's files when they are certain, else from `dvc --version`. */
async function checkCandidate(candidate: Candidate, options: DvcDiscoveryOptions): Promise<CandidateCheck> {
  const installed = await readInstalledDvcVersion({
    command: candidate.command,
    prefixArgs: candidate.prefixArgs,
    env: options.env ?? process.env,
    platform: options.platform ?? process.platform,
  });
  if (installed.kind === 'read')
    return {
      outcome: judgeVersion(installed.version),
      versionFrom: `files ${installed.evidence}, no process`,
    };
  const outcome = await runVersion(candidate, options);
  return { outcome, versionFrom: `dvc --version (files not read: ${installed.reason})` };
}

function judgeVersion(version: string): DvcCandidateOutcome {
  if (!isVersionAtLeast(version, MINIMUM_DVC_VERSION))
    return { kind: 'tooOld', version, minimum: MINIMUM_DVC_VERSION };
  return { kind: 'found', version };
}

async function runVersion(candidate: Candidate, options: DvcDiscoveryOptions): Promise<DvcCandidateOutcome> {
  try {
    const { stdout } = await options.runner.run(
      {
        file: candidate.command,
        args: [...candidate.prefixArgs, '--version'],
        cwd: options.workspaceFolders[0] ?? homedir(),
        timeoutMs: VERSION_TIMEOUT_MS,
      },
      { signal: options.signal },
    );
    const version = stdout.trim().split(/\r?\n/).at(-1)?.trim() ?? '';
    if (!parseVersion(version))
      return {
        kind: 'failed',
        message: `unexpected output of --version: ${JSON.stringify(stdout.slice(0, 200))}`,
      };
    return judgeVersion(version);
  } catch (error) {
    if (isProcessError(error, 'cancelled')) throw error;
    if (isProcessError(error, 'notFound'))
      return { kind: 'notFound', message: `${candidate.command} does not exist` };
    if (
      candidate.prefixArgs[0] === '-m' &&
      isProcessError(error, 'exit') &&
      /No module named dvc/.test(error.stderr)
    ) {
      return { kind: 'notFound', message: `DVC is not installed for ${candidate.command}` };
    }
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

/** A candidate for an executable file: notFound without running anything when the file is missing. */
async function fileCandidate(
  source: DvcExecutableSource,
  description: string,
  command: string,
  platform: NodeJS.Platform,
): Promise<Candidate> {
  const base = { source, description, command, prefixArgs: [] };
  if (await isExecutableFile(command, platform)) return base;
  return {
    ...base,
    precheck: { kind: 'notFound', message: `${command} does not exist or is not executable` },
  };
}

function notConfigured(source: DvcExecutableSource, description: string, message: string): Candidate {
  return { source, description, command: '', prefixArgs: [], precheck: { kind: 'notConfigured', message } };
}

/** `~/x` → home; relative → against the first workspace folder; a bare name (no separator) → PATH. */
async function resolveSettingPath(
  value: string,
  firstFolder: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
): Promise<string | undefined> {
  const flavour = platform === 'win32' ? path.win32 : path.posix;
  if (value === '~' || value.startsWith('~/') || value.startsWith('~\\'))
    return flavour.join(homedir(), value.slice(1));
  if (flavour.isAbsolute(value)) return value;
  if (!/[\\/]/.test(value)) return findOnPath(value, env, platform);
  return firstFolder ? flavour.resolve(firstFolder, value) : undefined;
}

/** Our own PATH search (async, no `which` process): the first folder holding an executable `name`. */
export async function findOnPath(
  name: string,
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
): Promise<string | undefined> {
  const flavour = platform === 'win32' ? path.win32 : path.posix;
  const pathValue = env.PATH ?? env.Path ?? '';
  const folders = pathValue.split(platform === 'win32' ? ';' : ':').filter((folder) => folder.length > 0);
  // Windows: only real executables; .cmd/.bat need a shell, and we never start one.
  const names = platform === 'win32' && !/\.(exe|com)$/i.test(name) ? [`${name}.exe`, `${name}.com`] : [name];
  for (const folder of folders) {
    for (const candidate of names) {
      const full = flavour.join(folder, candidate);
      if (await isExecutableFile(full, platform)) return full;
    }
  }
  return undefined;
}

async function isExecutableFile(file: string, platform: NodeJS.Platform): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    await access(file, platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
