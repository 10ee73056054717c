/**
 * Runs the extension-host suites (the @vscode/test-electron contract: a module exporting `run()`) inside
 * code-server, VS Code's own server build, driven by headless Chromium. For each suite:
 *
 *   1. a fresh copy of the demo project (git + DVC, pipeline reproduced) in a temp folder;
 *   2. code-server on a free 127.0.0.1 port with throwaway user-data/extensions folders and a user
 *      settings.json made for the suite (trust off for the trusted suite, on for Restricted Mode);
 *   3. Chromium opens the workbench with the `payload` that puts it in extension-test mode
 *      (extensionDevelopmentPath = the repository, extensionTestsPath = the bundled suite);
 *   4. the suite (test/suite/runMocha.ts) writes its results to the file named by DVC_LENS_TEST_RESULTS,
 *      which the runner polls; each test is printed with its state, then `suite: N passed, N failed`.
 *
 * Builds nothing: run `npm run build` first (scripts/test.sh does). Logs, screenshots and the results JSON go
 * to test-results/suite-<name>/.
 *
 * Usage: node --import tsx test/runner/runSuiteInCodeServer.ts [trusted] [restricted]
 * Environment: DVC_LENS_SUITE_TIMEOUT (seconds per suite, default 600), DVC_LENS_EXTENSION_PATH (another
 * extension folder to load instead of the repository), DVC_LENS_TEST_GREP, DVC_LENS_KEEP_WORKSPACE=1.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import type { SuiteResults } from '../suite/runMocha';
import { launchChromium, recordConsole } from './browser';
import {
  ensureCodeServer,
  ensureDvc,
  removeOnInterrupt,
  repoRoot,
  startCodeServer,
  tail,
  type CodeServer,
} from './codeServer';
import { printSuiteResults, suiteDefinitions, type SuiteDefinition } from './suites';
import { makeSuiteWorkspace } from './suiteWorkspace';

const timeoutSeconds = Number(process.env.DVC_LENS_SUITE_TIMEOUT ?? 600);
const extensionPath = process.env.DVC_LENS_EXTENSION_PATH ?? repoRoot;

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The last errors the workbench logged, without the noise of being offline. */
function consoleErrors(file: string, count = 8): string {
  const noise = /open-vsx\.org|ERR_NAME_NOT_RESOLVED|Failed to load resource|ENOTFOUND/;
  return readLog(file)
    .split('\n')
    .filter((line) => line.includes('[error]') && !noise.test(line))
    .slice(-count)
    .map((line) => `        ${line.slice(0, 400)}`)
    .join('\n');
}

function readResults(file: string): SuiteResults | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SuiteResults;
  } catch {
    return undefined; // being written; the next poll reads it
  }
}

async function runOne(suite: SuiteDefinition, launcher: string, dvcPath: string): Promise<SuiteResults> {
  const started = Date.now();
  const testsPath = join(repoRoot, suite.bundle);
  if (!existsSync(testsPath)) throw new Error(`${suite.bundle} is missing: run \`npm run build\` first`);
  console.log(`\n== suite: ${suite.name} (${suite.bundle}, ${suite.description})`);

  const workspaceParent = await mkdtemp(join(tmpdir(), `dvc-lens-suite-${suite.name}-workspace-`));
  const forgetWorkspace = removeOnInterrupt(workspaceParent);
  const workspace = await makeSuiteWorkspace(suite, workspaceParent, dvcPath);
  console.log(`   workspace ${workspace} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);

  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    const logName = `suite-${suite.name}`;
    const resultsFile = join(repoRoot, 'test-results', logName, 'results.json');
    server = await startCodeServer(launcher, {
      name: logName,
      settings: suite.settings(dvcPath),
      env: { DVC_LENS_TEST_RESULTS: resultsFile, DVC_LENS_SUITE: suite.name },
    });
    await rm(resultsFile, { force: true });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    recordConsole(page, join(server.logDir, 'browser-console.log'));
    let pageCrashed = false;
    page.on('crash', () => (pageCrashed = true));
    await page.goto(
      server.workbenchUrl(workspace, {
        extensionDevelopmentPath: extensionPath,
        extensionTestsPath: testsPath,
      }),
    );

    const deadline = Date.now() + timeoutSeconds * 1000;
    let results: SuiteResults | undefined;
    let serverExited = false;
    let hostExitedAt: number | undefined;
    void server.exited.then(() => (serverExited = true));
    while (!results) {
      results = readResults(resultsFile);
      if (results) break;
      if (serverExited) throw new Error(`code-server exited during the suite:\n${tail(server.logFile)}`);
      if (pageCrashed) throw new Error('the browser page crashed during the suite');
      // The extension host exits when run() settles; without a results file the suite failed to load.
      const hostExit = /Extension Host Process exited with code: (\S+), signal: (\S+)\./.exec(
        readLog(server.logFile),
      );
      if (hostExit) {
        hostExitedAt ??= Date.now();
        if (Date.now() - hostExitedAt > 10_000) {
          throw new Error(
            `the extension host exited (code ${hostExit[1]}, signal ${hostExit[2]}) without writing results; ` +
              `see ${relative(repoRoot, server.logDir)}/browser-console.log and vscode-logs/*/exthost*/\n` +
              consoleErrors(join(server.logDir, 'browser-console.log')),
          );
        }
      }
      if (Date.now() > deadline) {
        await page.screenshot({ path: join(server.logDir, 'timeout.png') }).catch(() => undefined);
        throw new Error(
          `no results after ${timeoutSeconds} s (the suite never finished, or failed to load: see ` +
            `${relative(repoRoot, server.logDir)}/vscode-logs and browser-console.log)`,
        );
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    await page.screenshot({ path: join(server.logDir, 'workbench.png') }).catch(() => undefined);
    printSuiteResults(suite.name, results, Date.now() - started);
    return results;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    forgetWorkspace();
    if (process.env.DVC_LENS_KEEP_WORKSPACE !== '1')
      await rm(workspaceParent, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const suites = suiteDefinitions.filter((s) => wanted.length === 0 || wanted.includes(s.name));
  if (suites.length === 0)
    throw new Error(
      `unknown suite(s) ${wanted.join(', ')}; known: ${suiteDefinitions.map((s) => s.name).join(', ')}`,
    );
  if (!existsSync(join(extensionPath, 'package.json'))) throw new Error(`no extension at ${extensionPath}`);

  const [launcher, dvcPath] = await Promise.all([ensureCodeServer(), ensureDvc()]);
  let passed = 0;
  let failed = 0;
  for (const suite of suites) {
    try {
      const results = await runOne(suite, launcher, dvcPath);
      passed += results.passed;
      failed += results.failed;
    } catch (error) {
      failed += 1;
      console.log(`  FAIL ${suite.name}: ${error instanceof Error ? error.message : String(error)}`);
      console.log(`${suite.name}: 0 passed, 1 failed`);
    }
  }
  console.log(`\nsuite: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  console.log('suite: 0 passed, 1 failed');
  process.exit(1);
});
