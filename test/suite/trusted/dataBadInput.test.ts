import * as assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { extensionApi, processLines, waitFor, workspaceRoot } from '../suiteHelpers';

/** What data commands answer when they cannot work: a message (kept in the log too) and no DVC write. */
describe('data commands on bad input', () => {
  it('push with no remote configured offers to add one and pushes nothing', async () => {
    const api = await extensionApi();
    await waitFor('DVC to be located', () => api.locator.ready());
    const pushesBefore = processLines(api).filter((line) => / push\b/.test(line)).length;
    const outcome = await vscode.commands.executeCommand('dvcLens.push', { root: workspaceRoot() });
    assert.equal(outcome, undefined);
    assert.ok(
      api.outputLines().some((line) => /has no DVC remote yet/.test(line)),
      'the offer to add a remote is logged',
    );
    assert.equal(processLines(api).filter((line) => / push\b/.test(line)).length, pushesBefore);
  });

  it('refuses to track a file outside every DVC repository, naming it, and runs no dvc add', async () => {
    const api = await extensionApi();
    const folder = await mkdtemp(join(tmpdir(), 'dvc-lens-outside-'));
    try {
      const file = join(folder, 'elsewhere.csv');
      await writeFile(file, 'a,b\n1,2\n');
      const addsBefore = processLines(api).filter((line) => / add /.test(line)).length;
      await vscode.commands.executeCommand('dvcLens.trackData', vscode.Uri.file(file));
      assert.ok(
        api
          .outputLines()
          .some((line) => line.includes('elsewhere.csv') && /not inside a DVC repository/.test(line)),
        'the refusal names the file',
      );
      assert.equal(processLines(api).filter((line) => / add /.test(line)).length, addsBefore);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
