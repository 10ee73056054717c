import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunHistoryNode } from '../../../src/pipeline/runHistory/runHistoryNodes';
import { extensionApi, findNode, waitFor, workspaceRoot } from '../suiteHelpers';

function label(api: Awaited<ReturnType<typeof extensionApi>>, node: RunHistoryNode): string {
  const item = api.runHistory.getTreeItem(node);
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

describe('Run History view', () => {
  it('lists a run of prepare under Pipeline Runs and By Stage, with its timeline, and opens its log', async () => {
    const api = await extensionApi();
    await waitFor('DVC to be located', () => api.locator.ready());
    // Run when the repository knows the stage (right after start-up the workspace may still be read).
    await waitFor('the prepare stage', () => findNode(api.pipelineTree.rootNodes(), 'prepare'), 60_000);
    const root = workspaceRoot().fsPath;
    const before = api.runHistory.pipelineRunsOf(root).length;
    // Forced and single: prepare is seeded, so its outputs (and dvc.lock) come out as they were.
    await vscode.commands.executeCommand('dvcLens.reproForce', { root: workspaceRoot(), stage: 'prepare' });
    const run = await waitFor(
      'a new pipeline run in the view',
      () => {
        const runs = api.runHistory.pipelineRunsOf(root);
        return runs.length > before ? runs[0] : undefined;
      },
      180_000,
    );
    assert.equal(run.run.outcome, 'succeeded');
    assert.match(String(api.runHistory.getTreeItem(run).description), /^succeeded · .+ · 1 stage$/);

    const [sections] = [api.runHistory.getChildren()];
    assert.deepEqual(
      sections.map((node) => label(api, node)),
      ['Pipeline Runs', 'By Stage'],
    );
    const runRows = api.runHistory.getChildren(sections[0]);
    assert.equal(runRows[0]?.kind === 'run' && runRows[0].run.logFile, run.run.logFile, 'newest run first');
    const [stageRow] = api.runHistory.getChildren(run);
    assert.ok(stageRow?.kind === 'record');
    assert.equal(label(api, stageRow), 'prepare');
    // The stage's bar on the run's timeline: one stage spans the whole run.
    assert.match(String(api.runHistory.getTreeItem(stageRow).description), /^█+ .+ · succeeded$/);

    const byStage = api.runHistory.getChildren(sections[1]);
    const prepare = byStage.find((node) => node.kind === 'stage' && node.stage === 'prepare');
    assert.ok(prepare);
    const pastRuns = api.runHistory.getChildren(prepare);
    assert.ok(pastRuns.length >= 1);

    // Clicking a row runs its command: the run's log opens.
    const command = api.runHistory.getTreeItem(pastRuns[0]!).command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...((command.arguments ?? []) as unknown[]));
    const editor = await waitFor('the log in an editor', () => vscode.window.activeTextEditor);
    assert.equal(editor.document.uri.fsPath, run.run.logFile);
    assert.match(editor.document.getText(), /dvc repro/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  }).timeout(300_000);
});
