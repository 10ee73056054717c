import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { restrictedModeMessage } from '../../../src/trust/restrictedModeMessage';
import { extensionApi, outputLinesSince, processLines } from '../suiteHelpers';

// The one command runtime refuses before it resolves a repository or looks for DVC.
describe('command runtime in Restricted Mode', () => {
  it('refuses data, report and remote commands with the Restricted Mode message, running nothing', async () => {
    const api = await extensionApi();
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    const attempts: Array<[string, unknown]> = [
      ['dvcLens.commitDataChanges', { root, message: 'refused' }],
      ['dvcLens.previewReport', { root, base: 'HEAD' }],
      ['dvcLens.gc', { root, scope: 'workspace', confirmed: true }],
    ];
    for (const [command, argument] of attempts) {
      const earlier = api.outputLines();
      const result = await vscode.commands.executeCommand(command, argument);
      assert.equal(result, undefined, command);
      assert.ok(
        outputLinesSince(api, earlier).includes(restrictedModeMessage),
        `${command} said why it refused`,
      );
    }
    assert.deepEqual(processLines(api), [], 'no process was started');
  });
});
