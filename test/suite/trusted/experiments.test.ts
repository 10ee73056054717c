import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { ExperimentsViewNode } from '../../../src/experiments/experimentsTreeProvider';
import type { ExperimentFeatures } from '../../../src/experiments/registerExperimentFeatures';
import { extensionApi, outputLinesSince, waitFor, workspaceRoot } from '../suiteHelpers';

/** Files `dvc exp run` rewrites in the workspace (it applies the experiment's results): restored in `after`. */
const touchedFiles = [
  'params.yaml',
  'dvc.lock',
  'metrics.json',
  'model/model.json',
  'plots/training_loss.csv',
  'plots/roc.json',
  'plots/confusion.csv',
  '.git/config',
  '.git/index',
];

function labelOf(tree: ExperimentFeatures['tree'], node: ExperimentsViewNode): string {
  const label = tree.getTreeItem(node).label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

/** The experiments the view shows under the first commit (HEAD), by label. */
function headExperiments(features: ExperimentFeatures): Map<string, ExperimentsViewNode> {
  const { tree } = features;
  const head = tree.getChildren().find((node) => node.kind === 'row' && node.row.kind === 'commit');
  const children = head ? tree.getChildren(head) : [];
  return new Map(children.map((node) => [labelOf(tree, node), node]));
}

describe('experiments', () => {
  const saved = new Map<string, Uint8Array>();
  const uri = (path: string): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), path);

  before(async () => {
    for (const path of touchedFiles) {
      try {
        saved.set(path, await vscode.workspace.fs.readFile(uri(path)));
      } catch {
        // Not there in this workspace: nothing to restore.
      }
    }
    // exp run makes git commits: a machine without a global identity still needs one (restored in after).
    const config = new TextDecoder().decode(saved.get('.git/config'));
    if (!config.includes('[user]'))
      await vscode.workspace.fs.writeFile(
        uri('.git/config'),
        new TextEncoder().encode(
          `${config}\n[user]\n\tname = DVC Lens Suite\n\temail = suite@dvc-lens.invalid\n`,
        ),
      );
  });

  before(async () => {
    // Earlier suites leave DVC's autostaged dvc.yaml/dvc.lock in the index, different from the files they
    // restored: `dvc exp run` refuses such an index ("Stash apply resulted in merge conflicts"). Unstage for
    // this suite; the index's bytes come back in after.
    await promisify(execFile)('git', ['reset', '-q'], { cwd: workspaceRoot().fsPath });
  });

  after(async () => {
    const api = await extensionApi();
    const root = workspaceRoot();
    // A failed worker test must not leave minutes of training running under the suites that follow.
    await vscode.commands.executeCommand('dvcLens.killExperiment', { root, name: 'suite-long' }).then(
      () => undefined,
      () => undefined,
    );
    await vscode.commands.executeCommand('dvcLens.stopExperimentWorkers', { root }).then(
      () => undefined,
      () => undefined,
    );
    const state = api.experiments.store.get(root.toString());
    const names = [...(state?.model?.commits ?? [])]
      .flatMap((commit) => commit.experiments)
      .map((row) => row.name)
      .filter((name): name is string => name?.startsWith('suite-') ?? false);
    for (const name of names)
      await vscode.commands.executeCommand('dvcLens.removeExperiment', { root, name, confirmed: true });
    for (const [path, bytes] of saved) await vscode.workspace.fs.writeFile(uri(path), bytes);
  });

  it('runs an experiment with the params given; the view lists it under HEAD with its headline metric', async () => {
    const api = await extensionApi();
    await waitFor('DVC to be located', () => api.locator.ready());
    await vscode.commands.executeCommand('dvcLens.runExperiment', {
      root: workspaceRoot(),
      params: { 'train.epochs': '5' },
      name: 'suite-exp',
    });
    const node = await waitFor('suite-exp under HEAD', () =>
      headExperiments(api.experiments).get('suite-exp'),
    ).catch((error: unknown) => {
      const state = api.experiments.store.get(workspaceRoot().toString());
      const shown = state?.model?.commits.map((commit) => commit.experiments.map((row) => row.label));
      throw new Error(
        `${String(error)}; store: ${JSON.stringify(shown)} error ${state?.error ?? 'none'}; log: ${api.outputLines().slice(-10).join(' | ')}`,
      );
    });
    assert.equal(node.kind, 'row');
    if (node.kind !== 'row') return;
    assert.equal(node.row.state, 'success');
    assert.equal(node.row.params['params.yaml']?.['train.epochs'], 5);
    const item = api.experiments.tree.getTreeItem(node);
    assert.match(String(item.description), /^accuracy \d/);
    assert.equal(item.contextValue, 'dvcLens.experiment.success');
  });

  it("Modify and Run from an experiment starts from its params, not the workspace's", async () => {
    const api = await extensionApi();
    const root = workspaceRoot();
    // The run of suite-exp left its params (epochs 5) in the workspace: put the committed ones back, so
    // the new run can only have epochs 5 from suite-exp itself.
    const original = saved.get('params.yaml');
    assert.ok(original, 'the demo has a params.yaml');
    await vscode.workspace.fs.writeFile(uri('params.yaml'), original);
    await vscode.commands.executeCommand('dvcLens.modifyAndRunExperiment', {
      root,
      name: 'suite-exp',
      params: { 'train.l2': '0.002' },
      newName: 'suite-modified',
    });
    const node = await waitFor('suite-modified under HEAD', () =>
      headExperiments(api.experiments).get('suite-modified'),
    );
    assert.equal(node.kind === 'row' ? node.row.state : undefined, 'success');
    const params = node.kind === 'row' ? node.row.params['params.yaml'] : undefined;
    assert.equal(params?.['train.epochs'], 5, "suite-exp's value, not the workspace's 40");
    assert.equal(params?.['train.l2'], 0.002, 'the change asked for');
    assert.equal(params?.['train.learning_rate'], 0.5, 'the rest as it was');
  });

  it('Show Experiment Log opens a terminal on a running queued run; Kill stops it; Stop Queue Workers', async function () {
    // Queueing, a worker starting and DVC's kill take minutes on a busy machine.
    this.timeout(300_000);
    const api = await extensionApi();
    const root = workspaceRoot();
    const stateOf = (name: string): string | undefined => {
      const node = headExperiments(api.experiments).get(name);
      return node?.kind === 'row' ? node.row.state : undefined;
    };
    // Minutes of training: long enough to be caught running and killed.
    await vscode.commands.executeCommand('dvcLens.queueExperiment', {
      root,
      params: { 'train.epochs': '400000' },
      name: 'suite-long',
      confirmed: true,
    });
    await waitFor('suite-long queued', () => stateOf('suite-long') === 'queued');
    await vscode.commands.executeCommand('dvcLens.startExperimentWorkers', { root, jobs: 1 });
    await waitFor('suite-long running', () => stateOf('suite-long') === 'running', 180_000);

    await vscode.commands.executeCommand('dvcLens.showExperimentLogs', { root, name: 'suite-long' });
    const terminal = await waitFor('the log terminal', () =>
      vscode.window.terminals.find((candidate) => candidate.name === 'DVC Lens: log of suite-long'),
    );
    terminal.dispose();

    await vscode.commands.executeCommand('dvcLens.killExperiment', { root, name: 'suite-long' });
    await waitFor(
      'suite-long to stop running',
      () => {
        const state = stateOf('suite-long');
        return state !== 'running' && state !== 'queued';
      },
      60_000,
    );
    assert.ok(
      api.outputLines().some((line) => /queue kill suite-long .*→ exit 0/.test(line)),
      'dvc queue kill ran and succeeded',
    );

    const before = [...api.outputLines()];
    await vscode.commands.executeCommand('dvcLens.stopExperimentWorkers', { root });
    assert.ok(
      outputLinesSince(api, before).some((line) => /queue stop .*→ exit 0/.test(line)),
      'dvc queue stop ran and succeeded',
    );
  });

  it('Modify and Queue from a commit queues its params with the change', async () => {
    const api = await extensionApi();
    const root = workspaceRoot();
    const head = api.experiments.store
      .get(root.toString())
      ?.model?.commits.find((commit) => commit.experiments.some((row) => row.name === 'suite-modified'));
    assert.ok(head, 'HEAD is listed');
    // The workspace now holds suite-modified's l2 (0.002); HEAD's is 0.001.
    await vscode.commands.executeCommand('dvcLens.modifyAndQueueExperiment', {
      root,
      name: head.rev,
      params: { 'train.epochs': '7' },
      newName: 'suite-modq',
      confirmed: true,
    });
    const node = await waitFor('suite-modq queued under HEAD', () =>
      headExperiments(api.experiments).get('suite-modq'),
    );
    assert.equal(node.kind === 'row' ? node.row.state : undefined, 'queued');
    const params = node.kind === 'row' ? node.row.params['params.yaml'] : undefined;
    assert.equal(params?.['train.epochs'], 7);
    assert.equal(params?.['train.l2'], 0.001, "HEAD's value, not the workspace's 0.002");
  });

  it('queues a grid of two experiments, shown as queued', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('dvcLens.queueExperiment', {
      root: workspaceRoot(),
      params: { 'train.epochs': '3, 4' },
      name: 'suite-grid',
      confirmed: true,
    });
    const rows = await waitFor('two queued experiments', () => {
      const found = ['suite-grid-1', 'suite-grid-2'].map((name) =>
        headExperiments(api.experiments).get(name),
      );
      return found.every((node) => node !== undefined) ? found : undefined;
    });
    for (const node of rows) {
      assert.equal(node?.kind === 'row' ? node.row.state : undefined, 'queued');
      assert.equal(api.experiments.tree.getTreeItem(node).contextValue, 'dvcLens.experiment.queued');
    }
  });

  it('renames, copies the name of, and removes an experiment', async () => {
    const api = await extensionApi();
    const root = workspaceRoot();
    await vscode.commands.executeCommand('dvcLens.renameExperiment', {
      root,
      name: 'suite-exp',
      newName: 'suite-renamed',
    });
    const renamed = await waitFor('the new name in the view', () =>
      headExperiments(api.experiments).get('suite-renamed'),
    );
    assert.ok(!headExperiments(api.experiments).has('suite-exp'), 'the old name is gone');
    await vscode.commands.executeCommand('dvcLens.copyExperimentName', renamed);
    assert.equal(await vscode.env.clipboard.readText(), 'suite-renamed');

    await vscode.commands.executeCommand('dvcLens.removeExperiment', {
      root,
      name: 'suite-renamed',
      confirmed: true,
    });
    await waitFor(
      'the experiment to leave the view',
      () => !headExperiments(api.experiments).has('suite-renamed'),
    );
  });

  it("shows DVC's message when exp show fails, above the last good experiments", async () => {
    const api = await extensionApi();
    const { tree } = api.experiments;
    const config = uri('.dvc/config');
    const original = await vscode.workspace.fs.readFile(config);
    try {
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('[core\n'));
      await vscode.commands.executeCommand('dvcLens.refreshExperiments');
      const error = await waitFor('the error node', () =>
        tree.getChildren().find((node) => node.kind === 'error'),
      );
      assert.match(error.kind === 'error' ? error.message : '', /configuration error/);
      assert.equal(tree.getChildren()[0]?.id, error.id, 'the error comes first');
      assert.ok(
        tree.getChildren().some((node) => node.kind === 'row' && node.row.kind === 'commit'),
        'the last good commits stay listed',
      );
    } finally {
      await vscode.workspace.fs.writeFile(config, original);
    }
    await vscode.commands.executeCommand('dvcLens.refreshExperiments');
    await waitFor('the error to clear', () => !tree.getChildren().some((node) => node.kind === 'error'));
  });
});
