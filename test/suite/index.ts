/**
 * Entry of the extension-host suite for a trusted workspace (bundled to dist-test/suite/index.js). VS Code
 * (code-server or @vscode/test-electron) loads it as `extensionTestsPath` and calls `run()`; the extension host
 * exits when the returned promise settles.
 */
import { runMochaSuite } from './runMocha';

export function run(): Promise<void> {
  // Imported lazily, so that describe/it exist (mocha's bdd globals) when the test files are evaluated.
  return runMochaSuite(() => import('./trusted/all'));
}
