import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  affectsExperiments,
  changesCommitResults,
  changesWorkspaceOnly,
} from '../../../src/experiments/experimentsReadTriggers';

void test("DVC's own exp show cache never triggers a read; queue state, refs and params do", () => {
  for (const path of ['.dvc/tmp/exps/cache', '.dvc/tmp/exps/cache/ab/cdef0123.json'])
    assert.equal(affectsExperiments(path), false, path);
  for (const path of [
    '.dvc/tmp/exps/celery/broker/in/1.msg',
    '.dvc/tmp/exps/run/abc/abc.run',
    '.git/refs/exps/ab/cd/exp-1',
    '.git/HEAD',
    'params.yaml',
    'eval/metrics.json',
    'dvc.lock',
  ])
    assert.equal(affectsExperiments(path), true, path);
  assert.equal(affectsExperiments('src/train.py'), false);
});

void test("a queue worker's copy of the repository and its output log never trigger a read", () => {
  for (const path of [
    '.dvc/tmp/exps/tmpfp96i7vi',
    '.dvc/tmp/exps/tmpfp96i7vi/plots/training_loss.csv',
    '.dvc/tmp/exps/tmpfp96i7vi/params.yaml',
    '.dvc/tmp/exps/tmpfp96i7vi/.dvc/tmp/exps/run/DVCLIVE_STEP_COMPLETED',
    '.dvc/tmp/exps/run/2a5b7c/2a5b7c.out',
  ])
    assert.equal(affectsExperiments(path), false, path);
  for (const path of [
    '.dvc/tmp/exps/run/2a5b7c/2a5b7c.json',
    '.dvc/tmp/exps/run/DVCLIVE_STEP_COMPLETED',
    '.dvc/tmp/exps/run/DVCLIVE_ONLY',
  ])
    assert.equal(affectsExperiments(path), true, path);
});

void test('the folders the first exp show makes for itself never trigger a read', () => {
  for (const path of [
    '.dvc/tmp/exps',
    '.dvc/tmp/exps/celery',
    '.dvc/tmp/exps/celery/broker/in',
    '.dvc/tmp/exps/celery/result',
  ]) {
    assert.equal(affectsExperiments(path), false, path);
    assert.equal(changesCommitResults(path), false, path);
  }
});

void test('refs, HEAD, the queue and dvc.yaml change what commits say; params, metrics and dvc.lock only the workspace', () => {
  for (const path of [
    '.git/HEAD',
    '.git/packed-refs',
    '.git/refs/tags/v1',
    '.git/refs/exps/ab/cd/e',
    'dvc.yaml',
  ])
    assert.equal(changesCommitResults(path), true, path);
  for (const path of ['params.yaml', 'sub/params.json', 'metrics.json', 'eval/metrics.yaml', 'dvc.lock']) {
    assert.equal(changesCommitResults(path), false, path);
    assert.equal(changesWorkspaceOnly(path), true, path);
  }
  assert.equal(changesWorkspaceOnly('.git/refs/heads/main'), false);
});
