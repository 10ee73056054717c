import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { repositoryWithKnownDvc } from '../standaloneRepository';
import { extensionApi, extensionId, processLines, waitFor, workspaceRoot } from '../suiteHelpers';

describe('Restricted Mode: the repository hub', () => {
  it('hands out no DVC: dvc() and dvcIfReady are undefined, and nothing ran', async () => {
    await waitFor('the extension to activate', () => vscode.extensions.getExtension(extensionId)?.isActive);
    const api = await extensionApi();
    await api.repositories.whenLoaded();
    const repository = await waitFor('the workspace repository', () =>
      api.repositories.repositoryAt(workspaceRoot()),
    );
    assert.equal(repository.isTrusted, false);
    assert.equal(await repository.dvc(), undefined, 'no DVC in Restricted Mode');
    assert.equal(repository.dvcIfReady, undefined);
    // The slices the views made ask the hub for DVC, so none of them ran a process either.
    assert.deepEqual(
      processLines(api).filter((line) => /\bdvc\b/.test(line)),
      [],
    );
  });

  it('refuses DVC even when one is known: the gate is trust, not a missing DVC', async () => {
    const standalone = repositoryWithKnownDvc();
    try {
      assert.equal(await standalone.repository.dvc(), undefined);
      assert.equal(standalone.repository.dvcIfReady, undefined);
    } finally {
      standalone.dispose();
    }
  });
});
