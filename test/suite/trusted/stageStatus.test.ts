import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, findNode, waitFor, workspaceRoot } from '../suiteHelpers';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

describe('stage status and running stages', () => {
  const root = (): string => workspaceRoot().toString();
  const paramsUri = (): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), 'params.yaml');

  it('shows the reproduced demo as up to date, from dvc status', async () => {
    const api = await extensionApi();
    await waitFor(
      'train up to date',
      () => api.stageInsights.statusOf(root(), 'train')?.kind === 'upToDate',
      60_000,
    );
    const train = findNode(api.pipelineTree.rootNodes(), 'train');
    assert.ok(train);
    assert.match(String(api.pipelineTree.getTreeItem(train).description), /^up to date/);
  }).timeout(90_000);

  it('flags train as changed when its params change, and runs it back to up to date from the Run command', async () => {
    const api = await extensionApi();
    const original = decoder.decode(await vscode.workspace.fs.readFile(paramsUri()));
    await vscode.workspace.fs.writeFile(
      paramsUri(),
      encoder.encode(original.replace('epochs: 40', 'epochs: 41')),
    );
    const status = await waitFor(
      'train changed',
      () => {
        const current = api.stageInsights.statusOf(root(), 'train');
        return current?.kind === 'changed' ? current : undefined;
      },
      60_000,
    );
    assert.ok(
      status.reasons.some((reason) => reason.includes('params')),
      status.reasons.join('; '),
    );
    assert.equal(api.stageInsights.statusOf(root(), 'prepare')?.kind, 'upToDate');
    const train = findNode(api.pipelineTree.rootNodes(), 'train');
    assert.ok(train);
    assert.match(String(api.pipelineTree.getTreeItem(train).description), /^changed/);

    await vscode.commands.executeCommand('dvcLens.reproStage', { root: workspaceRoot(), stage: 'train' });
    await waitFor(
      'a recorded run of train',
      () => api.stageInsights.lastRunOf(root(), 'train')?.outcome === 'succeeded',
      120_000,
    );
    await waitFor(
      'train up to date again',
      () => api.stageInsights.statusOf(root(), 'train')?.kind === 'upToDate',
      60_000,
    );
  }).timeout(300_000);

  it('puts Run lenses above the stages of dvc.yaml', async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'dvc.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    const trainLine = document
      .getText()
      .split('\n')
      .findIndex((line) => line.trim() === 'train:');
    const lenses = await waitFor('code lenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        uri,
        10,
      );
      return found.some((lens) => lens.command?.command === 'dvcLens.reproStage') ? found : undefined;
    });
    const atTrain = lenses.filter((lens) => lens.range.start.line === trainLine);
    assert.ok(
      atTrain.some((lens) => lens.command?.command === 'dvcLens.reproStage'),
      'Run',
    );
    assert.ok(
      atTrain.some((lens) => lens.command?.command === 'dvcLens.reproDownstream'),
      'Run downstream',
    );
  });

  it('reports a params key missing from params.yaml at its line in dvc.yaml', async () => {
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'pkeys');
    const dvcYaml = vscode.Uri.joinPath(folder, 'dvc.yaml');
    await vscode.workspace.fs.writeFile(
      vscode.Uri.joinPath(folder, 'params.yaml'),
      encoder.encode('lr: 0.1\n'),
    );
    await vscode.workspace.fs.writeFile(
      dvcYaml,
      encoder.encode('stages:\n  fit:\n    cmd: echo fit\n    params:\n      - lr\n      - nope.key\n'),
    );
    try {
      const diagnostic = await waitFor('the missing-key diagnostic', () =>
        vscode.languages.getDiagnostics(dvcYaml).find((found) => found.message.includes('nope.key')),
      );
      assert.equal(diagnostic.range.start.line, 5);
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });
});
