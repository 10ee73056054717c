import assert from 'node:assert/strict';
import { test } from 'node:test';
import { affectsExperiments } from '../../../src/experiments/experimentsReadTriggers';

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
