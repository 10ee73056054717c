/** Remote runs in the experiments table: under their baseline with their params, target, job and state. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RemoteRunRecord } from '../../../src/core/execution/computeTargetSettings';
import { afterPoll, submittedEntry } from '../../../src/core/execution/remoteRunEntry';
import { withRemoteRunRows } from '../../../src/core/experimentsTable/remoteRunRows';
import type { TableRowInput } from '../../../src/core/experimentsTable/tableValues';

const head = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const rows: TableRowInput[] = [
  { id: 'workspace', label: 'workspace', kind: 'workspace', values: {} },
  {
    id: head,
    label: 'main',
    kind: 'commit',
    sha: head,
    values: { 'params:params.yaml:lr': 0.1, 'params:params.yaml:seed': 7, 'metrics:m.json:acc': 0.9 },
  },
  { id: 'e1', label: 'old-exp', kind: 'experiment', parentId: head, state: 'success', values: {} },
  { id: 'b2', label: 'b2b2b2b', kind: 'commit', sha: 'b2'.repeat(20), values: {} },
];
const record: RemoteRunRecord = {
  target: 'cluster',
  root: 'file:///repo',
  id: '7',
  experiment: 'grid-1-7',
  baseline: head,
  overrides: ['lr=0.2', 'train.yaml:epochs=3', 'nothere=1'],
  submittedAt: 0,
};

void test('a run nests right after its baseline commit, with its baseline params changed by its -S values, no metrics yet', () => {
  const columns = new Set(['params:params.yaml:lr', 'params:train.yaml:epochs']);
  const result = withRemoteRunRows(
    rows,
    [afterPoll(submittedEntry(record), 'running', 1).entry],
    columns,
    35_000,
  );
  assert.deepEqual(
    result.map((row) => row.id),
    ['workspace', head, 'remote:file:///repo|cluster|7', 'e1', 'b2'],
  );
  const run = result[2]!;
  assert.equal(run.parentId, head);
  assert.equal(run.label, 'grid-1-7');
  assert.equal(run.state, 'running');
  assert.deepEqual(run.values, {
    'params:params.yaml:lr': 0.2,
    'params:params.yaml:seed': 7,
    'params:train.yaml:epochs': 3,
  });
  assert.deepEqual(run.remote, {
    target: 'cluster',
    jobId: '7',
    state: 'running',
    summary: 'cluster · job 7 · running 0:35',
    badge: 'running 0:35 · job 7 · cluster',
  });
});

void test('a pending run reads pending; a run whose baseline is not in the table goes last, at the top level', () => {
  const orphan = { ...record, id: '8', baseline: 'f'.repeat(40) };
  const result = withRemoteRunRows(rows, [submittedEntry(orphan)], new Set(), 0);
  const last = result.at(-1)!;
  assert.equal(last.id, 'remote:file:///repo|cluster|8');
  assert.equal(last.parentId, undefined);
  assert.equal(last.remote?.state, 'pending');
  assert.equal(last.state, 'queued');
});

void test('no remote runs: the rows as they were', () => {
  assert.deepEqual(withRemoteRunRows(rows, [], new Set(), 0), rows);
});
