/**
 * The browser benchmarks measure the built webview bundles (dist/webview/*.js), so they build first: once per
 * process, as the sources cannot change between two benchmarks of one run.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const repoRoot = resolve(__dirname, '..');
let built: Promise<unknown> | undefined;

/** Runs scripts/build.mjs (the development build) the first time; later calls wait for that build. */
export async function buildBundlesOnce(): Promise<void> {
  built ??= promisify(execFile)(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot });
  await built;
}
