import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, processLines } from '../suiteHelpers';

describe('finding DVC', () => {
  it('uses the dvc from the dvcLens.dvcPath setting and says so in the log', async () => {
    const api = await extensionApi();
    const executable = await api.locator.ready();
    assert.ok(executable, 'DVC is found');
    assert.equal(executable.source, 'setting');
    assert.equal(executable.command, vscode.workspace.getConfiguration().get('dvcLens.dvcPath'));
    assert.match(executable.version, /^3\.\d+\.\d+$/);
    assert.ok(
      processLines(api).some((line) => line.includes('--version')),
      'the version check is logged',
    );
    assert.ok(api.outputLines().some((line) => line.startsWith('DVC discovery: using DVC')));
  });
});
