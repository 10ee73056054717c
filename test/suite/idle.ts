/**
 * Entry of the extension-host suite for a folder without DVC (bundled to dist-test/suite/idle.js): nothing
 * in the folder asks for DVC Lens, so it must not activate, start processes or add to the start-up time.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runMochaSuite } from './runMocha';
import { extensionId } from './suiteHelpers';

export function run(): Promise<void> {
  return runMochaSuite(() => {
    describe('a folder without DVC', () => {
      it('leaves DVC Lens idle (not activated)', async () => {
        const extension = vscode.extensions.getExtension(extensionId);
        assert.ok(extension, 'the extension is installed');
        // Give workspaceContains activation every chance to (wrongly) fire.
        await new Promise((resolve) => setTimeout(resolve, 5000));
        assert.equal(extension.isActive, false);
      });
    });
  });
}
