/**
 * One window of code-server in extension-test mode on a folder, with bench/session/hostSession.ts as its
 * "tests": the script drives DVC Lens from inside the extension host and writes its report to a file this
 * side polls. Shared by the session-cost and first-content benchmarks. A kept user-data folder makes the
 * next window a "next session" of the same workspace (its workspace storage survives).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../../test/runner/browser';
import { ensureCodeServer, ensureDvc, repoRoot, startCodeServer, tail } from '../../test/runner/codeServer';
import type { HostSessionReport } from './hostSession';

export const hostSessionBundle = join(repoRoot, 'dist-test', 'bench', 'hostSession.js');

export interface WindowOptions {
  readonly folder: string;
  readonly script: 'session' | 'first-content';
  /** Kept between windows for a warm start; a temp one otherwise. */
  readonly userDataDir?: string;
  readonly timeoutSeconds?: number;
  readonly name: string;
  /** How long the session waits without a process line before a step counts as settled (default 4 s). */
  readonly quietMs?: number;
}

/** Opens the folder in a fresh code-server window, lets the host script run, returns its report. */
export async function runHostSession(options: WindowOptions): Promise<HostSessionReport> {
  if (!existsSync(hostSessionBundle))
    throw new Error(`${hostSessionBundle} is missing: run \`node scripts/build.mjs\` first`);
  const [launcher, dvcPath] = await Promise.all([ensureCodeServer(), ensureDvc()]);
  const scratch = await mkdtemp(join(tmpdir(), 'dvc-lens-bench-window-'));
  const out = join(scratch, 'report.json');
  const server = await startCodeServer(launcher, {
    name: options.name,
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    settings: { 'security.workspace.trust.enabled': false, 'dvcLens.dvcPath': dvcPath },
    env: {
      DVC_LENS_BENCH_OUT: out,
      DVC_LENS_BENCH_SCRIPT: options.script,
      ...(options.quietMs === undefined ? {} : { DVC_LENS_BENCH_QUIET_MS: String(options.quietMs) }),
    },
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(
      server.workbenchUrl(options.folder, {
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: hostSessionBundle,
      }),
    );
    const deadline = Date.now() + (options.timeoutSeconds ?? 900) * 1000;
    while (!existsSync(out)) {
      if (Date.now() > deadline) throw new Error(`no report after ${options.timeoutSeconds ?? 900} s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const report = JSON.parse(readFileSync(out, 'utf8')) as HostSessionReport;
    if (!report.ok) throw new Error(`the host session failed: ${report.error}\n${tail(server.logFile, 20)}`);
    return report;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}
