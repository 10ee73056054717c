import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { extensionApi, waitFor, workspaceRoot } from '../suiteHelpers';

const branch = 'dvc-lens-suite-other';

async function git(args: readonly string[]): Promise<string> {
  const { stdout } = await promisify(execFile)('git', [...args], { cwd: workspaceRoot().fsPath });
  return stdout.trim();
}

describe('experiments of other branches', () => {
  let sha = '';

  before(async () => {
    // A branch with one commit of its own, made without a checkout: the workspace stays as it is.
    sha = await git([
      '-c',
      'user.name=DVC Lens Suite',
      '-c',
      'user.email=suite@dvc-lens.invalid',
      'commit-tree',
      'HEAD^{tree}',
      '-p',
      'HEAD',
      '-m',
      'suite: other branch',
    ]);
    await git(['update-ref', `refs/heads/${branch}`, sha]);
  });

  after(async () => {
    const root = workspaceRoot().toString();
    const api = await extensionApi();
    if (api.experiments.store.otherBranches(root).length > 0)
      await api.experiments.store.setOtherBranches(root, []);
    await git(['branch', '-D', branch]).catch(() => undefined);
  });

  it('Show Other Branches lists the branch with its commit; Hide Branch takes it away again', async () => {
    const api = await extensionApi();
    await waitFor('DVC to be located', () => api.locator.ready());
    const root = workspaceRoot().toString();
    const { store, tree } = api.experiments;
    await vscode.commands.executeCommand('dvcLens.showOtherExperimentBranches', {
      root: workspaceRoot(),
      branches: [branch],
    });
    assert.deepEqual(store.otherBranches(root), [branch]);
    const group = await waitFor(
      'the branch’s commit in the store',
      () => store.get(root)?.groups.branches.find((candidate) => candidate.commits[0]?.rev === sha),
      60_000,
    );
    assert.equal(group.branch, branch);
    // HEAD's commits do not repeat under the branch.
    assert.ok(store.get(root)?.groups.head.every((commit) => commit.rev !== sha));

    const node = tree.getChildren().find((candidate) => candidate.kind === 'branch');
    assert.ok(node, 'the view has a node for the branch');
    assert.equal(tree.getTreeItem(node).label, branch);
    assert.equal(tree.getTreeItem(node).contextValue, 'dvcLens.otherBranch');
    const children = tree.getChildren(node);
    assert.deepEqual(
      children.map((child) => (child.kind === 'row' ? child.row.rev : child.kind)),
      [sha],
    );

    await vscode.commands.executeCommand('dvcLens.hideOtherExperimentBranch', node);
    assert.deepEqual(store.otherBranches(root), []);
    await waitFor('the branch to leave the view', () =>
      tree.getChildren().every((candidate) => candidate.kind !== 'branch'),
    );
  }).timeout(90_000);
});
