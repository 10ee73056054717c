/**
 * Starts and stops code-server (VS Code's server build, installed by scripts/ensure-code-server.sh) for the
 * extension-host suite, the e2e tests and the demo: a free port on 127.0.0.1, no auth, throwaway user-data and
 * extensions folders, a user settings.json written before start, its log under test-results/, and a stop that
 * ends its whole process group (server, extension hosts, their children) by its own id.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const repoRoot = resolve(__dirname, '..', '..');
export const testResultsRoot = join(repoRoot, 'test-results');

/** The code-server launcher (entry.js), installed and cached on first use. */
export async function ensureCodeServer(): Promise<string> {
  if (process.env.DVC_LENS_CODE_SERVER) return process.env.DVC_LENS_CODE_SERVER;
  const { stdout } = await run('bash', [join(repoRoot, 'scripts', 'ensure-code-server.sh')], {
    maxBuffer: 1 << 24,
  });
  return stdout.trim().split('\n').pop()!;
}

/** The pinned dvc executable (scripts/ensure-dvc.sh, cached). */
export async function ensureDvc(): Promise<string> {
  if (process.env.DVC_LENS_DVC) return process.env.DVC_LENS_DVC;
  const { stdout } = await run('bash', [join(repoRoot, 'scripts', 'ensure-dvc.sh')], { maxBuffer: 1 << 24 });
  return stdout.trim().split('\n').pop()!;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Settings every run wants: no welcome page, no telemetry, no update or gallery checks. */
export const quietSettings: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.autoRepositoryDetection': false,
  'git.openRepositoryInParentFolders': 'never',
};

export interface CodeServerOptions {
  /** Folder name under test-results/ for this run's logs. */
  readonly name: string;
  /** User settings written to <user-data-dir>/User/settings.json (merged over quietSettings). */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** An existing extensions folder (e.g. with the packaged extension installed); a temp one otherwise. */
  readonly extensionsDir?: string;
  /** An existing user-data folder (kept); a temp one (removed at stop) otherwise. */
  readonly userDataDir?: string;
  /** Extra environment for the server and its extension hosts. */
  readonly env?: Readonly<Record<string, string>>;
  /** Fixed port (the demo); a free one otherwise. */
  readonly port?: number;
  /** Seconds to wait for the server to answer. */
  readonly startTimeoutSeconds?: number;
}

export interface CodeServer {
  readonly port: number;
  readonly origin: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly logDir: string;
  readonly logFile: string;
  readonly process: ChildProcess;
  /** The workbench URL for a folder, optionally in extension-test mode (the @vscode/test-electron payload). */
  workbenchUrl(
    folder: string,
    test?: { extensionDevelopmentPath: string; extensionTestsPath: string },
  ): string;
  /** Resolves when the server process has exited. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

export async function writeUserSettings(
  userDataDir: string,
  settings: Readonly<Record<string, unknown>>,
): Promise<void> {
  await mkdir(join(userDataDir, 'User'), { recursive: true });
  await writeFile(
    join(userDataDir, 'User', 'settings.json'),
    `${JSON.stringify({ ...quietSettings, ...settings }, null, 2)}\n`,
  );
}

/** `code-server --install-extension <vsix>` into an extensions folder (the path a user takes). */
export async function installExtension(
  launcher: string,
  vsix: string,
  extensionsDir: string,
  logFile?: string,
): Promise<string> {
  const temp = await mkdtemp(join(tmpdir(), 'dvc-lens-install-'));
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [
        launcher,
        '--config',
        join(temp, 'config.yaml'),
        '--user-data-dir',
        join(temp, 'user-data'),
        '--extensions-dir',
        extensionsDir,
        '--install-extension',
        vsix,
        '--force',
      ],
      { env: codeServerEnv({}), timeout: 120_000, maxBuffer: 1 << 24 },
    );
    const output = `${stdout}${stderr}`;
    if (logFile) await writeFile(logFile, output);
    return output;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

function codeServerEnv(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...extra,
    DVC_NO_ANALYTICS: 'true',
    GIT_TERMINAL_PROMPT: '0',
  };
  // Our own runners run under tsx; code-server must not inherit a loader meant for them.
  delete env.NODE_OPTIONS;
  // Left over from a VS Code terminal, these would make code-server think it runs inside another instance.
  for (const key of Object.keys(env)) if (key.startsWith('VSCODE_')) delete env[key];
  return env;
}

async function waitForHealth(
  origin: string,
  child: ChildProcess,
  timeoutMs: number,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `code-server exited during start (${child.exitCode ?? child.signalCode}):\n${tail(logFile)}`,
      );
    }
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer on ${origin} within ${timeoutMs / 1000} s:\n${tail(logFile)}`);
}

export function tail(file: string, lines = 60): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Servers still running. code-server runs in its own process group (so that stop() can end its extension hosts
 * too), which also means a Ctrl-C in the terminal does not reach it: end them here when this process is
 * interrupted or exits without having stopped them.
 */
const running = new Map<number, string>(); // pid -> its temp folder
const extraTemps = new Set<string>();
let exitHooksInstalled = false;

/** A temp folder to remove should this process be interrupted before it removes it itself. */
export function removeOnInterrupt(path: string): () => void {
  installExitHooks();
  extraTemps.add(path);
  return () => extraTemps.delete(path);
}

function killAllRunning(): void {
  for (const [pid, temp] of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(temp, { recursive: true, force: true });
  }
  running.clear();
  for (const temp of extraTemps) rmSync(temp, { recursive: true, force: true });
  extraTemps.clear();
}

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', killAllRunning);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAllRunning();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

export async function startCodeServer(launcher: string, options: CodeServerOptions): Promise<CodeServer> {
  const logDir = join(testResultsRoot, options.name);
  await rm(logDir, { recursive: true, force: true });
  await mkdir(logDir, { recursive: true });
  const temp = await mkdtemp(join(tmpdir(), `dvc-lens-${options.name.replace(/[^\w-]/g, '_')}-`));
  const userDataDir = options.userDataDir ?? join(temp, 'user-data');
  const extensionsDir = options.extensionsDir ?? join(temp, 'extensions');
  await mkdir(extensionsDir, { recursive: true });
  await writeUserSettings(userDataDir, options.settings ?? {});

  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const logFile = join(logDir, 'code-server.log');
  const logFd = openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      launcher,
      '--config',
      join(temp, 'config.yaml'),
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ],
    { detached: true, stdio: ['ignore', logFd, logFd], env: codeServerEnv(options.env ?? {}) },
  );
  closeSync(logFd);
  installExitHooks();
  if (child.pid !== undefined) running.set(child.pid, temp);
  const exited = new Promise<number | null>((resolveExit) => {
    if (child.exitCode !== null) resolveExit(child.exitCode);
    else child.once('exit', (code) => resolveExit(code));
  });
  exited.catch(() => undefined);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await killGroup(child, exited);
    if (child.pid !== undefined) running.delete(child.pid);
    // Keep the server's own logs (extension host output included) next to ours, then drop the temp folders.
    await cp(join(userDataDir, 'logs'), join(logDir, 'vscode-logs'), { recursive: true }).catch(
      () => undefined,
    );
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
  };

  try {
    await waitForHealth(origin, child, (options.startTimeoutSeconds ?? 60) * 1000, logFile);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    port,
    origin,
    userDataDir,
    extensionsDir,
    logDir,
    logFile,
    process: child,
    exited,
    stop,
    workbenchUrl(folder, test) {
      // A `.code-workspace` file opens as a (multi-root) workspace, anything else as a folder.
      const kind = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
      let url = `${origin}/?${kind}=${encodeURIComponent(folder)}`;
      if (test) {
        const remote = (path: string): string => `vscode-remote://127.0.0.1:${port}${path}`;
        const payload = [
          ['extensionDevelopmentPath', remote(test.extensionDevelopmentPath)],
          ['extensionTestsPath', remote(test.extensionTestsPath)],
          ['skipWelcome', 'true'],
        ];
        url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      }
      return url;
    },
  };
}

/** SIGTERM to the process group, SIGKILL after a grace period. Only our own child's group. */
export async function killGroup(
  child: ChildProcess,
  exited: Promise<unknown>,
  graceMs = 5_000,
): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  };
  signalGroup('SIGTERM');
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((r) => setTimeout(() => r(true), graceMs)),
  ]);
  // Extension hosts and their children share the group; make sure none outlive the server.
  signalGroup(timedOut ? 'SIGKILL' : 'SIGTERM');
  await new Promise((r) => setTimeout(r, 200));
  signalGroup('SIGKILL');
}
