import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseExpShow } from '../../../src/core/experiments/parseExpShow';
import { commitsOfSessionCache, sessionCacheOf } from '../../../src/core/experiments/sessionCache';
import { valuesOfFile, workspaceRowFromFiles } from '../../../src/core/experiments/workspaceRowFromFiles';

const sha = (letter: string): string => letter.repeat(40);
const model = parseExpShow([
  {
    rev: 'workspace',
    data: { params: { 'params.yaml': { data: { lr: 0.1 } } }, deps: { 'train.py': { hash: 'x' } } },
  },
  {
    rev: sha('a'),
    name: 'main',
    data: { metrics: { 'metrics.json': { data: { acc: 0.9 } } } },
    experiments: [{ name: 'e1', revs: [{ rev: sha('e'), data: {} }] }],
  },
  { rev: sha('b'), data: {} },
]);

void test('the session cache keeps commits by sha in order, with their experiments, within its byte budget', () => {
  const text = sessionCacheOf(model);
  const commits = commitsOfSessionCache(text);
  assert.deepEqual(
    commits.map((row) => row.rev),
    [sha('a'), sha('b')],
  );
  assert.equal(commits[0]?.experiments[0]?.name, 'e1');
  const oneFits = JSON.stringify(model.commits[0]).length + 200;
  assert.deepEqual(
    commitsOfSessionCache(sessionCacheOf(model, oneFits)).map((row) => row.rev),
    [sha('a')],
  );
  assert.equal(sessionCacheOf(model, 10), undefined);
});

void test('a damaged or old session cache gives no commits instead of failing', () => {
  assert.deepEqual(commitsOfSessionCache('{not json'), []);
  assert.deepEqual(commitsOfSessionCache(JSON.stringify({ version: 0, order: [], commits: {} })), []);
  assert.deepEqual(commitsOfSessionCache(undefined), []);
});

void test('the workspace row from files flattens values as exp show does and says why a file is unreadable', () => {
  const row = workspaceRowFromFiles(
    model.workspace,
    [{ path: 'params.yaml', text: 'lr: 0.3\ntrain:\n  epochs: 5\n  "val.loss": 1\n' }],
    [
      { path: 'metrics.json', text: '{"acc": NaN, "nested": {"f1": 0.5}}' },
      { path: 'eval/missing.json', text: undefined },
      { path: 'broken.yaml', text: 'a: [' },
    ],
  );
  assert.equal(row.kind, 'workspace');
  assert.deepEqual(row.params['params.yaml'], { lr: 0.3, 'train.epochs': 5, 'train."val.loss"': 1 });
  assert.ok(Number.isNaN(row.metrics['metrics.json']?.acc));
  assert.equal(row.metrics['metrics.json']?.['nested.f1'], 0.5);
  assert.match(row.fileErrors['eval/missing.json'] ?? '', /does not exist/);
  assert.ok(row.fileErrors['broken.yaml']);
  assert.deepEqual(row.deps, { 'train.py': 'x' }, 'what only DVC knows is kept from its last row');
});

void test('TOML params and Python params (only DVC reads those: the last values stay)', () => {
  assert.deepEqual(valuesOfFile('p.toml', 'lr = 0.5\n[train]\nepochs = 3\n'), {
    values: { lr: 0.5, 'train.epochs': 3 },
  });
  const previous = { ...model.workspace!, params: { 'params.py': { LR: 1 } } };
  const row = workspaceRowFromFiles(previous, [{ path: 'params.py', text: 'LR = 2' }], []);
  assert.deepEqual(row.params['params.py'], { LR: 1 });
});
