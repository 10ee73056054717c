import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { extensionApi, extensionId, processLines, waitFor, workspaceRoot } from '../suiteHelpers';

const run = promisify(execFile);

describe('Restricted Mode: model registry', () => {
  const tags = ['demo-model@v0.0.1', 'demo-model#prod#1'];

  after(async () => {
    await run('git', ['tag', '-d', ...tags], { cwd: workspaceRoot().fsPath }).catch(() => undefined);
  });

  it('the Models view reads the registry from the tag files, and no registry action runs', async () => {
    await waitFor('the extension to activate', () => vscode.extensions.getExtension(extensionId)?.isActive);
    const api = await extensionApi();
    // The test makes the tags itself (the extension may not run git here).
    const identity = ['-c', 'user.name=Restricted Tester', '-c', 'user.email=restricted@dvc-lens.invalid'];
    for (const tag of tags)
      await run('git', [...identity, 'tag', '-a', '-m', tag, tag], { cwd: workspaceRoot().fsPath });
    await api.registry.store.reloadAll();
    const artifact = await waitFor('the artifact from the tags', () =>
      api.registry.tree
        .getChildren()
        .find((node) => node.kind === 'artifact' && node.artifact.name === 'demo-model'),
    );
    assert.ok(artifact.kind === 'artifact');
    assert.deepEqual(artifact.artifact.stages, { prod: 'v0.0.1' });
    assert.equal(artifact.artifact.versions[0]?.author, 'Restricted Tester');

    const root = workspaceRoot();
    for (const command of [
      'dvcLens.registerModelVersion',
      'dvcLens.assignModelStage',
      'dvcLens.unassignModelStage',
      'dvcLens.deprecateModel',
      'dvcLens.declareArtifact',
      'dvcLens.refreshModels',
    ])
      await vscode.commands
        .executeCommand(command, {
          root,
          artifact: 'demo-model',
          name: 'other',
          path: 'x.pkl',
          type: 'model',
          rev: 'HEAD',
          version: 'v0.0.2',
          stage: 'prod',
          confirmed: true,
          remote: undefined,
        })
        .then(undefined, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(processLines(api), [], 'no process was started');
    const { stdout } = await run('git', ['tag', '-l', 'demo-model*'], { cwd: root.fsPath });
    assert.deepEqual(stdout.trim().split('\n').sort(), [...tags].sort());
  });
});
