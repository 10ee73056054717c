/**
 * Runs the same two extension-host suites as runSuiteInCodeServer.ts, in desktop VS Code through
 * @vscode/test-electron's `runTests`, for machines that can download VS Code. Each suite gets a fresh demo
 * copy, its own user-data folder with the suite's settings.json and its own extensions folder; the suite
 * writes its results to DVC_LENS_TEST_RESULTS, which this runner reads and prints (`suite: N passed, N failed`).
 *
 * Offline (as on the project's build machines) the download cannot work: a quick reachability check fails
 * fast with a clear message instead of retrying for minutes. Use `npm run test:suite` (code-server) there.
 *
 * Usage: node --import tsx test/runner/runSuiteInElectron.ts [trusted] [restricted]
 * Environment: DVC_LENS_VSCODE_VERSION (default "stable"; mocha 12 needs a VS Code whose Node is 20.19+),
 * DVC_LENS_VSCODE_EXECUTABLE (an installed VS Code instead of a download), DVC_LENS_SUITE_TIMEOUT (seconds per
 * suite, default 600). Linux without a display: run it under `xvfb-run -a`.
 */
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeSuiteWorkspace } from './suiteWorkspace';
import type { SuiteResults } from '../suite/runMocha';
import { ensureDvc, repoRoot, testResultsRoot, writeUserSettings } from './codeServer';
import { printSuiteResults, suiteDefinitions, type SuiteDefinition } from './suites';

const version = process.env.DVC_LENS_VSCODE_VERSION ?? 'stable';
const timeoutSeconds = Number(process.env.DVC_LENS_SUITE_TIMEOUT ?? 600);
const updateServer = 'https://update.code.visualstudio.com/api/releases/stable';

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The VS Code to run: an installed one, or a download (which must be reachable, checked quickly first). */
async function resolveVSCode(): Promise<string> {
  const installed = process.env.DVC_LENS_VSCODE_EXECUTABLE;
  if (installed) {
    if (!existsSync(installed)) throw new Error(`DVC_LENS_VSCODE_EXECUTABLE=${installed} does not exist`);
    return installed;
  }
  try {
    const response = await fetch(updateServer, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    const reason =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    throw new Error(
      `cannot download VS Code: ${updateServer} is not reachable (${reason}).\n` +
        '  @vscode/test-electron needs to download a VS Code build. On machines without that access run the same\n' +
        '  suites inside code-server instead: npm run test:suite (or set DVC_LENS_VSCODE_EXECUTABLE to an installed VS Code).',
    );
  }
  return withTimeout(
    downloadAndUnzipVSCode({ version, timeout: 30_000 }),
    10 * 60_000,
    `downloading VS Code ${version}`,
  );
}

function readResults(file: string): SuiteResults | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SuiteResults;
  } catch {
    return undefined;
  }
}

async function runOne(
  suite: SuiteDefinition,
  vscodeExecutablePath: string,
  dvcPath: string,
): Promise<SuiteResults> {
  const started = Date.now();
  const testsPath = join(repoRoot, suite.bundle);
  if (!existsSync(testsPath)) throw new Error(`${suite.bundle} is missing: run \`npm run build\` first`);
  console.log(`\n== suite (electron): ${suite.name} (${suite.bundle}, ${suite.description})`);
  const logDir = join(testResultsRoot, `electron-${suite.name}`);
  await rm(logDir, { recursive: true, force: true });
  await mkdir(logDir, { recursive: true });
  const resultsFile = join(logDir, 'results.json');

  const temp = await mkdtemp(join(tmpdir(), `dvc-lens-electron-${suite.name}-`));
  try {
    const workspace = await makeSuiteWorkspace(suite, temp, dvcPath);
    const userDataDir = join(temp, 'user-data');
    await writeUserSettings(userDataDir, suite.settings(dvcPath));
    try {
      await withTimeout(
        runTests({
          vscodeExecutablePath,
          extensionDevelopmentPath: repoRoot,
          extensionTestsPath: testsPath,
          extensionTestsEnv: {
            DVC_LENS_TEST_RESULTS: resultsFile,
            DVC_LENS_SUITE: suite.name,
            DVC_NO_ANALYTICS: 'true',
          },
          launchArgs: [
            workspace,
            `--user-data-dir=${userDataDir}`,
            `--extensions-dir=${join(temp, 'extensions')}`,
            '--disable-extensions',
            '--skip-welcome',
            '--skip-release-notes',
            '--disable-gpu',
            '--no-sandbox',
          ],
        }),
        timeoutSeconds * 1000,
        `the ${suite.name} suite`,
      );
    } catch (error) {
      // A failing test makes runTests reject too; the results file says which. Without it, report the error.
      if (!readResults(resultsFile)) throw error;
    }
    const results = readResults(resultsFile);
    if (!results)
      throw new Error('VS Code exited without writing results (did the suite load? see its output above)');
    printSuiteResults(suite.name, results, Date.now() - started);
    return results;
  } finally {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const suites = suiteDefinitions.filter((s) => wanted.length === 0 || wanted.includes(s.name));
  if (suites.length === 0) throw new Error(`unknown suite(s) ${wanted.join(', ')}`);
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log('note: no DISPLAY; desktop VS Code needs one on Linux (run under `xvfb-run -a`).');
  }
  const [vscodeExecutablePath, dvcPath] = await Promise.all([resolveVSCode(), ensureDvc()]);
  let passed = 0;
  let failed = 0;
  for (const suite of suites) {
    try {
      const results = await runOne(suite, vscodeExecutablePath, dvcPath);
      passed += results.passed;
      failed += results.failed;
    } catch (error) {
      failed += 1;
      console.log(`  FAIL ${suite.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(`\nsuite: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(`runSuiteInElectron: ${error instanceof Error ? error.message : String(error)}`);
  console.log('suite: 0 passed, 1 failed');
  process.exit(1);
});
