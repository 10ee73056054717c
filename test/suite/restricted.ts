/**
 * Entry of the extension-host suite for Restricted Mode (bundled to dist-test/suite/restricted.js). The
 * runner opens the workspace with workspace trust enabled and never trusts it, so the extension runs exactly
 * as it would for a person who has not (yet) trusted the folder.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runMochaSuite } from './runMocha';

export function run(): Promise<void> {
  return runMochaSuite(async () => {
    // Every Restricted Mode test is meaningless in a trusted window: check the precondition first.
    describe('Restricted Mode precondition', () => {
      it('the workspace is not trusted', () => {
        assert.equal(
          vscode.workspace.isTrusted,
          false,
          'the Restricted Mode suite ran in a trusted workspace',
        );
      });
    });
    await import('./restrictedMode/all');
  });
}
