import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDagWebviewMessage } from '../../../src/pipeline/dag/dagMessages';

void test('accepts the four webview messages', () => {
  assert.ok(isDagWebviewMessage({ type: 'ready' }));
  assert.ok(isDagWebviewMessage({ type: 'openStage', root: 'file:///repo', stage: 'train' }));
  assert.ok(isDagWebviewMessage({ type: 'showLastLog', root: 'file:///repo', stage: 'sub/dvc.yaml:train' }));
  assert.ok(
    isDagWebviewMessage({ type: 'runStage', root: 'file:///repo', stage: 'train', mode: 'withUpstream' }),
  );
  assert.ok(
    isDagWebviewMessage({ type: 'runStage', root: 'file:///repo', stage: 'train', mode: 'downstream' }),
  );
});

void test('rejects anything else', () => {
  for (const value of [
    undefined,
    null,
    'ready',
    [],
    {},
    { type: 'snapshot' },
    { type: 'runStage', root: 'file:///repo', stage: 'train' },
    { type: 'runStage', root: 'file:///repo', stage: 'train', mode: 'everything' },
    { type: 'openStage', root: 'file:///repo' },
    { type: 'openStage', root: 7, stage: 'train' },
    { type: 'showLastLog', root: 'file:///repo', stage: '' },
    { type: 'toString' },
  ])
    assert.equal(isDagWebviewMessage(value), false, JSON.stringify(value));
});
