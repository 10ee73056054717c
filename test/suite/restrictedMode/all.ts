// Placeholder: the Restricted Mode extension-host tests are written elsewhere and will replace this file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('Restricted Mode (placeholder)', () => {
  it('has a folder open', () => {
    assert.ok((vscode.workspace.workspaceFolders ?? []).length > 0);
  });
});
