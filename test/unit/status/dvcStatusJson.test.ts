import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DvcStatusFormatError, parseDvcStatus } from '../../../src/core/status/dvcStatusJson';
import { recordedState, statusesOf } from './statusFixtures';

const upToDate = { kind: 'upToDate', reasons: [] } as const;

void test('clean demo: every stage up to date', () => {
  assert.deepEqual(statusesOf('clean'), { prepare: upToDate, train: upToDate, evaluate: upToDate });
});

void test('a changed params section: only the stage that depends on it, with the key DVC names', () => {
  assert.deepEqual(statusesOf('params-changed'), {
    prepare: upToDate,
    train: { kind: 'changed', reasons: ['params modified: train'] },
    // DVC compares evaluate's own deps: model/model.json has not changed yet, so it is up to date.
    evaluate: upToDate,
  });
});

void test('params added to a stage and params deleted from the file', () => {
  assert.deepEqual(statusesOf('param-added').evaluate, {
    kind: 'changed',
    reasons: ['params new: prepare.seed'],
  });
  assert.deepEqual(statusesOf('params-deleted-key').evaluate, {
    kind: 'changed',
    reasons: ['params deleted: evaluate.threshold'],
  });
});

void test('a modified dependency', () => {
  assert.deepEqual(statusesOf('dep-modified'), {
    prepare: { kind: 'changed', reasons: ['deps modified: src/prepare.py'] },
    train: upToDate,
    evaluate: upToDate,
  });
});

void test('a deleted dependency shared by two stages', () => {
  const statuses = statusesOf('dep-deleted');
  assert.deepEqual(statuses.train, { kind: 'changed', reasons: ['deps deleted: src/common.py'] });
  assert.deepEqual(statuses.evaluate, { kind: 'changed', reasons: ['deps deleted: src/common.py'] });
  assert.deepEqual(statuses.prepare, upToDate);
});

void test('a deleted output: its stage, and the stage reading it', () => {
  assert.deepEqual(statusesOf('out-deleted'), {
    prepare: upToDate,
    train: { kind: 'changed', reasons: ['outs deleted: model/model.json'] },
    evaluate: { kind: 'changed', reasons: ['deps deleted: model/model.json'] },
  });
});

void test('an output missing from the cache', () => {
  assert.deepEqual(statusesOf('not-in-cache').train, {
    kind: 'changed',
    reasons: ['outs not in cache: model/model.json'],
  });
});

void test('a changed command', () => {
  assert.deepEqual(statusesOf('command-changed').evaluate, { kind: 'changed', reasons: ['command changed'] });
});

void test('a .dvc file entry is not a stage', () => {
  const statuses = statusesOf('data-file-changed');
  assert.deepEqual(Object.keys(statuses), ['prepare', 'train', 'evaluate']);
  assert.deepEqual(statuses.prepare, { kind: 'changed', reasons: ['deps modified: data/raw.csv'] });
});

void test('never run: no dvc.lock at all', () => {
  const statuses = statusesOf('never-run');
  for (const name of ['prepare', 'train', 'evaluate'])
    assert.deepEqual(statuses[name], { kind: 'neverRun', reasons: ['no entry in dvc.lock'] }, name);
});

void test('never run: a new stage beside locked ones, whatever DVC reports for it', () => {
  for (const state of ['new-stage-never-run', 'new-stage-no-outs-never-run']) {
    const statuses = statusesOf(state);
    assert.equal(statuses.report?.kind, 'neverRun', state);
    assert.deepEqual(statuses.train, upToDate, state);
  }
  // A stage without deps is "always changed" to DVC; without a lock entry it has still never run.
  assert.equal(statusesOf('new-stage-cmd-only-never-run').hello?.kind, 'neverRun');
});

void test('without lockedStages a never-run stage reads as changed, with what DVC says', () => {
  const { pipelines, json } = recordedState('new-stage-never-run');
  assert.deepEqual(parseDvcStatus(json, pipelines).get('report'), {
    kind: 'changed',
    reasons: ['deps modified: metrics.json', 'outs deleted: report.json'],
  });
});

void test('frozen: from the model, with the outs and command changes DVC still reports', () => {
  assert.deepEqual(statusesOf('frozen-clean').train, { kind: 'frozen', reasons: [] });
  // DVC does not look at a frozen stage's deps: a changed param says nothing.
  assert.deepEqual(statusesOf('frozen-params-changed').train, { kind: 'frozen', reasons: [] });
  assert.deepEqual(statusesOf('frozen-out-deleted'), {
    prepare: upToDate,
    train: { kind: 'frozen', reasons: ['outs deleted: model/model.json', 'command changed'] },
    evaluate: { kind: 'changed', reasons: ['deps deleted: model/model.json'] },
  });
});

void test('always changed, alone and with other changes', () => {
  assert.deepEqual(statusesOf('always-changed').evaluate, {
    kind: 'alwaysChanged',
    reasons: ['always changed'],
  });
  assert.deepEqual(statusesOf('always-changed-and-modified').evaluate, {
    kind: 'alwaysChanged',
    reasons: ['deps modified: src/evaluate.py', 'always changed'],
  });
});

void test('nested dvc.yaml and foreach stages, keyed as DVC prints them', () => {
  const clean = statusesOf('nested-foreach-clean');
  assert.deepEqual(Object.keys(clean).sort(), [
    'evaluate',
    'greet@en',
    'greet@fr',
    'prepare',
    'sub/dvc.yaml:count',
    'sub/dvc.yaml:shard@a',
    'sub/dvc.yaml:shard@b',
    'train',
  ]);
  for (const [name, status] of Object.entries(clean)) assert.deepEqual(status, upToDate, name);

  const deleted = statusesOf('nested-foreach-out-deleted');
  assert.deepEqual(deleted['greet@fr'], { kind: 'changed', reasons: ['outs deleted: greet-fr.txt'] });
  assert.deepEqual(deleted['greet@en'], upToDate);
  assert.deepEqual(deleted['sub/dvc.yaml:count'], {
    kind: 'changed',
    reasons: ['outs deleted: sub/lines.txt'],
  });
  assert.deepEqual(deleted['sub/dvc.yaml:shard@b'], {
    kind: 'changed',
    reasons: ['outs deleted: sub/shard-b.txt'],
  });

  const modified = statusesOf('nested-foreach-common-modified');
  for (const name of [
    'train',
    'evaluate',
    'greet@en',
    'greet@fr',
    'sub/dvc.yaml:shard@a',
    'sub/dvc.yaml:shard@b',
  ])
    assert.deepEqual(modified[name], { kind: 'changed', reasons: ['deps modified: src/common.py'] }, name);
  assert.deepEqual(modified['sub/dvc.yaml:count'], upToDate);
});

void test('nested pipelines never run, and a frozen stage without a lock entry', () => {
  const neverRun = statusesOf('nested-foreach-never-run');
  for (const name of ['greet@en', 'greet@fr', 'sub/dvc.yaml:count', 'sub/dvc.yaml:shard@a'])
    assert.equal(neverRun[name]?.kind, 'neverRun', name);
  assert.deepEqual(neverRun.train, upToDate);

  const frozen = statusesOf('nested-foreach-frozen-never-run');
  assert.deepEqual(frozen['sub/dvc.yaml:extra'], {
    kind: 'frozen',
    reasons: ['outs deleted: sub/extra.csv'],
  });
  assert.deepEqual(frozen['sub/dvc.yaml:count'], { kind: 'frozen', reasons: [] });
  assert.deepEqual(frozen['sub/dvc.yaml:shard@a'], upToDate);
});

void test('output that is not an object is a format error; odd entries do not throw', () => {
  const { pipelines } = recordedState('clean');
  for (const bad of [null, [], 'text', 3])
    assert.throws(() => parseDvcStatus(bad, pipelines), DvcStatusFormatError);
  const odd = parseDvcStatus(
    {
      train: ['changed checksum', { 'changed deps': 'weird' }, 7, null],
      evaluate: 'not a list',
      constructor: [],
    },
    pipelines,
  );
  assert.deepEqual(odd.get('train'), { kind: 'changed', reasons: ['changed checksum', 'changed deps'] });
  assert.deepEqual(odd.get('evaluate'), upToDate);
});
