/**
 * Entry of the extension-host suite for a multi-root workspace (bundled to dist-test/suite/multiRoot.js): two
 * workspace folders, `alpha` and `beta`, each its own DVC project (test/runner/suiteWorkspace.ts). Every view
 * lists both, and a command given one of them acts there and nowhere else.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runMochaSuite } from './runMocha';
import { extensionApi, treeLabels, waitFor } from './suiteHelpers';

function folder(name: string): vscode.Uri {
  const found = vscode.workspace.workspaceFolders?.find((candidate) => candidate.name === name);
  assert.ok(found, `the workspace has the folder ${name}`);
  return found.uri;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export function run(): Promise<void> {
  return runMochaSuite(() => {
    describe('multi-root: two folders, two DVC projects', () => {
      it('the hub, the Pipeline, Data and Experiments views each have both repositories', async () => {
        const api = await extensionApi();
        assert.equal(vscode.workspace.workspaceFolders?.length, 2);
        await api.repositories.whenLoaded();
        const roots = api.repositories.repositories
          .filter((repository) => repository.isDvcRepository)
          .map((repository) => repository.root.toString())
          .sort();
        assert.deepEqual(roots, [folder('alpha').toString(), folder('beta').toString()]);
        await waitFor('both repositories in the Pipeline view', () => {
          const labels = treeLabels(api.pipelineTree.getChildren());
          return labels.includes('alpha') && labels.includes('beta') ? labels : undefined;
        });
        await api.data.model.whenLoaded();
        assert.deepEqual(api.data.model.all.map((repository) => repository.workspaceFolder.name).sort(), [
          'alpha',
          'beta',
        ]);
        await waitFor(
          'both repositories in the Experiments store',
          () => api.experiments.store.all.length === 2,
        );
      });

      it('a stage run given beta runs in beta only', async function () {
        this.timeout(180_000);
        const api = await extensionApi();
        await waitFor('DVC to be located', () => api.locator.ready());
        const prepared = (name: string): vscode.Uri => vscode.Uri.joinPath(folder(name), 'data', 'prepared');
        assert.equal(await exists(prepared('beta')), false, 'beta was never reproduced');
        await vscode.commands.executeCommand('dvcLens.reproStageSingle', {
          root: folder('beta'),
          stage: 'prepare',
        });
        await waitFor('beta’s prepared data', () => exists(prepared('beta')), 120_000);
        assert.equal(await exists(prepared('alpha')), false, 'nothing ran in alpha');
      });

      it('the dvc.yaml of each folder has its own language features', async () => {
        for (const name of ['alpha', 'beta']) {
          const uri = vscode.Uri.joinPath(folder(name), 'dvc.yaml');
          const document = await vscode.workspace.openTextDocument(uri);
          const offset = document.getText().indexOf('- prepare.se');
          assert.ok(offset >= 0);
          const locations = await vscode.commands.executeCommand<
            Array<vscode.Location | vscode.LocationLink>
          >('vscode.executeDefinitionProvider', uri, document.positionAt(offset + '- prepare.se'.length));
          const target = locations[0];
          assert.ok(target, `a definition in ${name}`);
          const targetUri = 'uri' in target ? target.uri : target.targetUri;
          assert.equal(targetUri.toString(), vscode.Uri.joinPath(folder(name), 'params.yaml').toString());
        }
      });
    });
  });
}
