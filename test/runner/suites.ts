/** The extension-host suites, shared by the code-server and the @vscode/test-electron runners. */
import type { SuiteResults } from '../suite/runMocha';

export interface SuiteDefinition {
  readonly name: 'trusted' | 'restricted' | 'idle' | 'multiRoot' | 'freshClone';
  /**
   * What the window opens: a fresh demo copy (git + DVC, reproduced), an empty folder without DVC, or a
   * multi-root workspace of two demo copies, or a fresh clone of a DVC project with nothing pulled and its
   * remote out of reach (test/helpers/freshCloneFixture.ts) (test/runner/suiteWorkspace.ts).
   */
  readonly workspace: 'demo' | 'empty' | 'twoDemos' | 'freshClone';
  /** The bundled suite, relative to the repository root (scripts/build.mjs makes it). */
  readonly bundle: string;
  readonly description: string;
  /** User settings for the run. */
  settings(dvcPath: string): Record<string, unknown>;
}

export const suiteDefinitions: readonly SuiteDefinition[] = [
  {
    name: 'trusted',
    bundle: 'dist-test/suite/index.js',
    workspace: 'demo',
    description: 'trusted workspace',
    // Dialogs are refused in test mode, so the trust prompt could never be answered: switch trust off.
    settings: (dvcPath) => ({ 'security.workspace.trust.enabled': false, 'dvcLens.dvcPath': dvcPath }),
  },
  {
    name: 'restricted',
    bundle: 'dist-test/suite/restricted.js',
    workspace: 'demo',
    description: 'Restricted Mode, workspace not trusted',
    // Trust stays on and nobody answers its prompt, so the folder stays untrusted (the suite checks that).
    settings: (dvcPath) => ({
      'security.workspace.trust.enabled': true,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.emptyWindow': false,
      'dvcLens.dvcPath': dvcPath,
    }),
  },
  {
    name: 'multiRoot',
    bundle: 'dist-test/suite/multiRoot.js',
    workspace: 'twoDemos',
    description: 'two workspace folders, two DVC projects',
    settings: (dvcPath) => ({ 'security.workspace.trust.enabled': false, 'dvcLens.dvcPath': dvcPath }),
  },
  {
    name: 'freshClone',
    bundle: 'dist-test/suite/freshClone.js',
    workspace: 'freshClone',
    description: 'a fresh clone: data not pulled, remote out of reach, a frozen import whose source is gone',
    settings: (dvcPath) => ({ 'security.workspace.trust.enabled': false, 'dvcLens.dvcPath': dvcPath }),
  },
  {
    name: 'idle',
    bundle: 'dist-test/suite/idle.js',
    workspace: 'empty',
    description: 'a folder without DVC, where the extension must stay idle',
    settings: (dvcPath) => ({ 'security.workspace.trust.enabled': false, 'dvcLens.dvcPath': dvcPath }),
  },
];

export function printSuiteResults(name: string, results: SuiteResults, elapsedMs: number): void {
  for (const test of results.tests) {
    const mark = test.state === 'passed' ? 'pass' : test.state === 'failed' ? 'FAIL' : 'skip';
    console.log(`  ${mark}  ${test.title}`);
    if (test.state === 'failed' && test.error) {
      console.log(
        test.error
          .split('\n')
          .slice(0, 12)
          .map((line) => `        ${line}`)
          .join('\n'),
      );
    }
  }
  console.log(
    `${name}: ${results.passed} passed, ${results.failed} failed (${(elapsedMs / 1000).toFixed(1)} s)`,
  );
}
