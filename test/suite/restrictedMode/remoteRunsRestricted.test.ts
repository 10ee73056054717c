/**
 * Restricted Mode and compute targets: a workspace's `dvcLens.computeTargets` is ignored (a cloned repository
 * must not say where code runs), the user's own value still counts, and no target or remote-run command starts
 * a process.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, processLines, waitFor } from '../suiteHelpers';

const userTarget = { name: 'users own', kind: 'slurm', workFolder: '/tmp/dvc-lens-restricted-runs' };
const workspaceTarget = {
  name: 'from the repository',
  kind: 'ssh',
  workFolder: '/tmp/x',
  ssh: { host: 'attacker.example' },
};

describe('Restricted Mode: compute targets', () => {
  const settingsFile = (): vscode.Uri =>
    vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, '.vscode', 'settings.json');

  after(async () => {
    await vscode.workspace
      .getConfiguration()
      .update('dvcLens.computeTargets', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs
      .delete(vscode.Uri.joinPath(settingsFile(), '..'), { recursive: true })
      .then(undefined, () => undefined);
  });

  it("ignores the workspace's targets, keeps the user's, and runs nothing for them", async () => {
    const api = await extensionApi();
    assert.equal(vscode.workspace.isTrusted, false);
    await vscode.workspace.fs.writeFile(
      settingsFile(),
      new TextEncoder().encode(JSON.stringify({ 'dvcLens.computeTargets': [workspaceTarget] })),
    );
    await vscode.workspace
      .getConfiguration()
      .update('dvcLens.computeTargets', [userTarget], vscode.ConfigurationTarget.Global);
    await waitFor('the user target', () =>
      api.experiments.remote.targets.all.some((target) => target.settings.name === userTarget.name),
    );
    // Give VS Code time to read the new workspace settings file (it may also hide a restricted value itself).
    await new Promise((resolve) => setTimeout(resolve, 2000));
    api.experiments.remote.targets.reload();
    assert.deepEqual(
      api.experiments.remote.targets.all.map((target) => target.settings.name),
      [userTarget.name],
    );
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    for (const [command, argument] of [
      ['dvcLens.testComputeTarget', { name: userTarget.name }],
      ['dvcLens.addComputeTarget', { target: { ...userTarget, name: 'another' }, level: 'user' }],
      [
        'dvcLens.queueExperiment',
        { root, where: userTarget.name, params: { 'train.epochs': '2' }, name: 'x' },
      ],
      ['dvcLens.cancelRemoteRun', { key: 'none', confirmed: true }],
      ['dvcLens.showRemoteRunLog', { key: 'none' }],
    ] as const)
      await vscode.commands.executeCommand(command, argument).then(undefined, () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(processLines(api), [], 'no process was started');
    assert.equal(
      vscode.workspace
        .getConfiguration()
        .inspect<unknown[]>('dvcLens.computeTargets')
        ?.globalValue?.some((entry) => (entry as { name?: string }).name === 'another'),
      false,
      'Add Compute Target wrote nothing',
    );
  });
});
