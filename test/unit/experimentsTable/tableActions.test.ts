import assert from 'node:assert/strict';
import { test } from 'node:test';
import { enabledActions } from '../../../webview/experiments/tableEdits';
import { TableModel } from '../../../webview/experiments/tableModel';
import { syntheticSnapshot } from './syntheticTable';

void test('Modify and Run/Queue: one commit or one experiment, never the workspace nor several rows', () => {
  const model = new TableModel();
  model.setSnapshot(syntheticSnapshot(10, 10, { commits: 2 }));
  const rows = model.snapshot.rows;
  const workspace = rows.find((row) => row.kind === 'workspace')!;
  const commit = rows.find((row) => row.kind === 'commit')!;
  const experiment = rows.find((row) => row.kind === 'experiment')!;
  for (const row of [commit, experiment]) {
    const enabled = enabledActions(model, new Set([row.id]));
    assert.ok(enabled.has('modifyRun') && enabled.has('modifyQueue'), row.kind);
  }
  for (const selection of [[workspace.id], [commit.id, experiment.id], []]) {
    const enabled = enabledActions(model, new Set(selection));
    assert.ok(!enabled.has('modifyRun') && !enabled.has('modifyQueue'), selection.join(','));
  }
});
