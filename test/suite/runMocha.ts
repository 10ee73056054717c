/**
 * Runs a mocha (bdd: describe/it) suite inside a VS Code extension host and writes its results as JSON to the
 * file named by an environment variable. The extension host's stdout is not visible to the runner (in
 * code-server it goes to the server log), so the results file is the runner's only source of truth:
 *
 *   { "passed": 3, "failed": 1, "pending": 0, "tests": [{ "title": "...", "state": "passed" | "failed" | "pending", "error"?: "..." }] }
 *
 * The file is written once, when the run ends (or when loading the tests throws), by writing a temp file and
 * renaming it, so a runner that polls for it never reads half a file.
 *
 * Mocha is external in the esbuild bundle and is resolved from the repository's node_modules at run time.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type MochaModule from 'mocha';

type MochaConstructor = typeof MochaModule;

/**
 * Mocha from the repository's node_modules (external in the bundle). Mocha 12 is written as ES modules and is
 * require()d, which needs Node 20.19 or later in the extension host (code-server 4.100 runs the machine's
 * Node; VS Code desktop builds from 1.101 on have Electron with Node 22).
 */
function loadMocha(): MochaConstructor {
  const load = createRequire(__filename);
  try {
    const loaded = load('mocha') as { default?: MochaConstructor } & MochaConstructor;
    return loaded.default ?? loaded;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_ESM') throw error;
    throw new Error(
      `mocha cannot be loaded in this extension host (Node ${process.versions.node}): it needs require() of ES ` +
        'modules, Node 20.19 or later. Run the suite in a newer VS Code (or code-server).',
    );
  }
}

export interface SuiteTestResult {
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly durationMs?: number;
  readonly error?: string;
}

export interface SuiteResults {
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly tests: readonly SuiteTestResult[];
}

export interface RunMochaOptions {
  /** Per-test timeout; extension-host tests talk to git and DVC, so the default is generous. */
  readonly timeoutMs?: number;
  /** Only run tests whose full title matches (also settable with DVC_LENS_TEST_GREP). */
  readonly grep?: string;
}

function writeResults(file: string | undefined, results: SuiteResults): void {
  const text = `${JSON.stringify(results, null, 2)}\n`;
  if (!file) {
    console.log(text);
    return;
  }
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Runs `register` (which defines describe/it blocks, usually by importing the suite's test files) with
 * mocha's bdd globals in place, runs the tests, writes the results file and resolves; rejects when a test
 * failed, so that the extension host reports a failing exit code as well.
 */
export async function runMochaSuite(
  register: () => void | Promise<unknown>,
  resultsEnv = 'DVC_LENS_TEST_RESULTS',
  options: RunMochaOptions = {},
): Promise<void> {
  const resultsFile = process.env[resultsEnv];
  const tests: SuiteTestResult[] = [];
  const grep = options.grep ?? process.env.DVC_LENS_TEST_GREP;

  let Mocha: MochaConstructor;
  try {
    Mocha = loadMocha();
  } catch (error) {
    writeResults(resultsFile, {
      passed: 0,
      failed: 1,
      pending: 0,
      tests: [{ title: 'loading mocha', state: 'failed', error: describeError(error) }],
    });
    throw error;
  }
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: options.timeoutMs ?? 60_000,
    ...(grep ? { grep: grepPattern(grep) } : {}),
  });

  // A reporter that records every test (and every failing hook, which mocha reports as a failure) and prints a
  // line per test to the extension host's console (code-server's log, the Debug Console under Electron).
  const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;
  class ResultsReporter extends Mocha.reporters.Base {
    constructor(runner: MochaModule.Runner, reporterOptions?: MochaModule.MochaOptions) {
      super(runner, reporterOptions);
      runner.on(EVENT_TEST_PASS, (test: MochaModule.Test) => {
        tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
        console.log(`  ok   ${test.fullTitle()}`);
      });
      runner.on(EVENT_TEST_FAIL, (test: MochaModule.Runnable, error: unknown) => {
        tests.push({
          title: test.fullTitle(),
          state: 'failed',
          durationMs: test.duration ?? 0,
          error: describeError(error),
        });
        console.log(`  FAIL ${test.fullTitle()}\n${describeError(error)}`);
      });
      runner.on(EVENT_TEST_PENDING, (test: MochaModule.Test) => {
        tests.push({ title: test.fullTitle(), state: 'pending' });
        console.log(`  skip ${test.fullTitle()}`);
      });
    }
  }
  mocha.reporter(ResultsReporter);

  const summary = (): SuiteResults => ({
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: tests.filter((t) => t.state === 'failed').length,
    pending: tests.filter((t) => t.state === 'pending').length,
    tests,
  });

  try {
    // What mocha.loadFiles does for each file, done once around our in-bundle registration.
    const { EVENT_FILE_PRE_REQUIRE, EVENT_FILE_POST_REQUIRE } = Mocha.Suite.constants;
    mocha.suite.emit(EVENT_FILE_PRE_REQUIRE, globalThis, 'dvc-lens-suite', mocha);
    await register();
    mocha.suite.emit(EVENT_FILE_POST_REQUIRE, globalThis, 'dvc-lens-suite', mocha);
  } catch (error) {
    tests.push({ title: 'loading the test files', state: 'failed', error: describeError(error) });
    writeResults(resultsFile, summary());
    throw error;
  }

  const failures = await new Promise<number>((resolve) => {
    try {
      mocha.run((count) => resolve(count));
    } catch (error) {
      tests.push({ title: 'starting mocha', state: 'failed', error: describeError(error) });
      resolve(1);
    }
  });
  const results = summary();
  if (results.passed + results.failed === 0) {
    tests.push({
      title: 'the suite ran no tests',
      state: 'failed',
      error: 'no test registered (or all filtered out)',
    });
  }
  writeResults(resultsFile, summary());
  if (failures > 0 || summary().failed > 0) throw new Error(`${summary().failed} test(s) failed`);
}

/**
 * The grep as a regular expression when it is one, else as the literal text: a title part such as
 * "remote runs (Slurm" has an unbalanced bracket, and mocha would throw on it before running anything.
 */
export function grepPattern(grep: string): RegExp {
  try {
    return new RegExp(grep);
  } catch {
    return new RegExp(grep.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
}
