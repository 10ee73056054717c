/**
 * The params part of stage status judged from files (no DVC): the pure pieces on DVC's recorded states
 * (test/fixtures/dvc-status), and the status service's choice between the files and DVC.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { DvcCli } from '../../../src/cli/dvcCli';
import { RepositoryScheduler } from '../../../src/cli/repositoryScheduler';
import type { CommandRunner, ProcessRequest, ProcessResult } from '../../../src/cli/runner';
import { parsePipeline } from '../../../src/core/pipeline';
import { PythonFloat } from '../../../src/core/pipeline/paramValue';
import { mergeParamsStatusIntoDvcAnswer } from '../../../src/core/status/mergeParamsStatus';
import { judgeParamsStatus } from '../../../src/core/status/paramsStatusFromFiles';
import { pythonEquals } from '../../../src/core/status/pythonEquality';
import { stagesParams, type StageParams } from '../../../src/core/status/stageParamsDependencies';
import { PipelineStatusService } from '../../../src/repository/pipelineStatusService';
import { recordedState, statusesOf } from './statusFixtures';

const fixtures = resolve(__dirname, '..', '..', 'fixtures', 'dvc-status');
const fixture = (state: string, file: string): string | undefined => {
  const path = join(fixtures, state, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
};

function stagesOf(text: string, file = 'dvc.yaml'): StageParams[] {
  const result = stagesParams([parsePipeline({ file, text, paramsFiles: new Map() })]);
  assert.ok(!('unsure' in result), 'the stages can be told from the model');
  return result;
}

void test('params dependencies follow DVC: bare keys to params.yaml, files in first-seen order, whole files win', () => {
  const [stage] = stagesOf(`stages:
  s:
    cmd: run
    deps: [data]
    params:
      - lr
      - other.yaml: [a, b.c, a]
      - params.yaml:
      - more.json:
    outs: [out]
`);
  assert.deepEqual(stage?.dependencies, [
    { lockKey: 'other.yaml', path: 'other.yaml', keys: ['a', 'b.c'] },
    { lockKey: 'params.yaml', path: 'params.yaml', keys: undefined },
    { lockKey: 'more.json', path: 'more.json', keys: undefined },
  ]);
  assert.deepEqual(stage?.otherPaths, ['data', 'out']);
  const [sub] = stagesOf('stages:\n  n:\n    cmd: run\n    params: [size]\n', 'sub/dvc.yaml');
  assert.equal(sub?.qualifiedName, 'sub/dvc.yaml:n');
  assert.equal(sub?.lockFile, 'sub/dvc.lock');
  assert.deepEqual(sub?.dependencies, [{ lockKey: 'params.yaml', path: 'sub/params.yaml', keys: ['size'] }]);
  // A wdir moves the files away from what dvc.lock names them: the model cannot tell, DVC is asked.
  const wdir = stagesParams([
    parsePipeline({
      file: 'dvc.yaml',
      text: 'stages:\n  w:\n    cmd: run\n    wdir: x\n    params: [lr]\n',
      paramsFiles: new Map(),
    }),
  ]);
  assert.ok('unsure' in wdir);
});

void test('values compare as Python compares them; number-like text is left to DVC', () => {
  assert.equal(pythonEquals(1, new PythonFloat(1)), true);
  assert.equal(pythonEquals(true, 1), true);
  assert.equal(pythonEquals(new PythonFloat(Number.NaN), new PythonFloat(Number.NaN)), false);
  assert.equal(pythonEquals(2n ** 60n, 2n ** 60n), true);
  assert.equal(pythonEquals('a', 'a'), true);
  assert.equal(pythonEquals('a', 1), false);
  assert.equal(pythonEquals('1_000', 1000), undefined);
  assert.equal(pythonEquals([1, 2], [1, 2]), true);
  assert.equal(pythonEquals([1, 2], [2, 1]), false);
  const map = (entries: [string, number][]) => new Map(entries);
  assert.equal(
    pythonEquals(
      map([
        ['a', 1],
        ['b', 2],
      ]),
      map([
        ['b', 2],
        ['a', 1],
      ]),
    ),
    true,
    'order aside',
  );
  assert.equal(
    pythonEquals(
      map([['a', 1]]),
      map([
        ['a', 1],
        ['b', 2],
      ]),
    ),
    false,
  );
  assert.equal(pythonEquals(null, null), true);
  assert.equal(pythonEquals(null, 0), false);
});

/** Recorded states where DVC reported only params (a value modified, a key new to dvc.lock, a key deleted). */
const paramsStates = ['params-changed', 'param-added', 'params-deleted-key'];

void test("the files give what DVC printed for the recorded params states, merged into DVC's clean answer", () => {
  for (const state of paramsStates) {
    const recorded = recordedState(state);
    const stages = stagesParams(recorded.pipelines);
    assert.ok(!('unsure' in stages));
    const judgement = judgeParamsStatus({
      stages,
      lockTexts: new Map([['dvc.lock', fixture(state, 'dvc.lock')]]),
      paramsTexts: new Map([['params.yaml', fixture(state, 'params.yaml')]]),
    });
    assert.equal(judgement.kind, 'judged', state);
    if (judgement.kind !== 'judged') continue;
    assert.deepEqual(mergeParamsStatusIntoDvcAnswer({}, stages, judgement.stages), recorded.json, state);
  }
});

void test("a merge keeps DVC's other deps, outs and stages, and drops a stage left with nothing", () => {
  const stages = stagesOf(
    'stages:\n  a:\n    cmd: x\n    deps: [d]\n    params: [lr]\n  b:\n    cmd: y\n    params: [lr]\n',
  );
  const dvcAnswer = {
    a: [
      { 'changed deps': { d: 'modified', 'params.yaml': { lr: 'modified' } } },
      { 'changed outs': { o: 'deleted' } },
    ],
    b: [{ 'changed deps': { 'params.yaml': { lr: 'modified' } } }],
    'data.csv.dvc': [{ 'changed outs': { 'data.csv': 'modified' } }],
  };
  // lr restored: a keeps its dep and out, b is up to date again.
  assert.deepEqual(mergeParamsStatusIntoDvcAnswer(dvcAnswer, stages, new Map()), {
    a: [{ 'changed deps': { d: 'modified' } }, { 'changed outs': { o: 'deleted' } }],
    'data.csv.dvc': [{ 'changed outs': { 'data.csv': 'modified' } }],
  });
  // A new change goes after the other deps, in a `changed deps` made first when there was none.
  const seed = new Map([['seed', 'new' as const]]);
  assert.deepEqual(
    mergeParamsStatusIntoDvcAnswer(
      { a: [{ 'changed outs': { o: 'deleted' } }] },
      stages,
      new Map([['a', [['params.yaml', seed]]]]),
    ),
    { a: [{ 'changed deps': { 'params.yaml': { seed: 'new' } } }, { 'changed outs': { o: 'deleted' } }] },
  );
});

/** `dvc status` calls the test answers by hand. */
class FakeDvc implements CommandRunner {
  readonly calls: { request: ProcessRequest; finish: (stdout: string) => void }[] = [];
  run(request: ProcessRequest): Promise<ProcessResult> {
    return new Promise((resolve) => {
      this.calls.push({
        request,
        finish: (stdout) => resolve({ stdout, stderr: '', exitCode: 0, durationMs: 1, commandLine: 'dvc' }),
      });
    });
  }
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

void test('after DVC answered, a params-only change is judged from the files; any other change asks DVC', async () => {
  const clean = recordedState('clean');
  const runner = new FakeDvc();
  const cli = new DvcCli(
    { command: 'dvc', prefixArgs: [], source: 'path', version: '3.67.1' },
    new RepositoryScheduler('/repo', runner),
  );
  let state = 'clean';
  const service = new PipelineStatusService(
    () => cli,
    () => clean.pipelines,
    {
      debounceMs: 10,
      readTextFile: (path) => Promise.resolve(fixture(state, path.replace('/repo/', ''))),
    },
  );
  // Nothing known yet: DVC is asked even for a params edit.
  service.noteChangedFiles(['params.yaml']);
  service.scheduleRefresh();
  await wait(40);
  assert.equal(runner.calls.length, 1);
  runner.calls[0]?.finish(JSON.stringify(clean.json));
  await wait(20);
  assert.equal(service.statusOf('train')?.kind, 'upToDate');

  state = 'params-changed';
  service.noteChangedFiles(['params.yaml']);
  service.scheduleRefresh();
  await wait(60);
  assert.equal(runner.calls.length, 1, 'no dvc status for a params edit');
  assert.deepEqual(service.statusOf('train'), statusesOf('params-changed').train);
  assert.deepEqual(service.statusOf('train'), { kind: 'changed', reasons: ['params modified: train'] });

  state = 'clean';
  service.scheduleRefresh();
  await wait(60);
  assert.equal(runner.calls.length, 1, 'restored: still from the files');
  assert.equal(service.statusOf('train')?.kind, 'upToDate');

  service.noteChangedFiles(['src/train.py']);
  service.scheduleRefresh();
  await wait(60);
  assert.equal(runner.calls.length, 2, 'a code change asks DVC');
  runner.calls[1]?.finish('{}');
  await wait(20);
  service.noteChangedFiles(['params.yaml']);
  service.scheduleRefresh({ askDvc: true });
  await wait(60);
  assert.equal(runner.calls.length, 3, 'askDvc (a run ended, Refresh) always asks DVC');
  runner.calls[2]?.finish('{}');
  await wait(20);
  service.dispose();
});

void test('files the watcher tells of late, changed before the last dvc status began, ask nothing again', async () => {
  const clean = recordedState('clean');
  const runner = new FakeDvc();
  const cli = new DvcCli(
    { command: 'dvc', prefixArgs: [], source: 'path', version: '3.67.1' },
    new RepositoryScheduler('/repo', runner),
  );
  let writeEnds!: () => void;
  const writing = new Promise<void>((resolve) => (writeEnds = resolve));
  const times = new Map<string, number>();
  const service = new PipelineStatusService(
    () => cli,
    () => clean.pipelines,
    {
      debounceMs: 10,
      beforeRead: () => writing,
      modifiedAt: (path) => Promise.resolve(times.get(path)),
      readTextFile: (path) => Promise.resolve(fixture('clean', path.replace('/repo/', ''))),
    },
  );
  // A run rewrites outputs: the refresh it triggers waits for the run, then reads once.
  service.noteChangedFiles(['model/model.json']);
  service.scheduleRefresh();
  await wait(40);
  assert.equal(runner.calls.length, 0, 'no dvc status while the write runs');
  const runEnded = Date.now();
  writeEnds();
  await wait(20);
  assert.equal(runner.calls.length, 1);
  // The run's last files (written before it ended) are told after the read began.
  times.set('/repo/dvc.lock', runEnded - 500);
  times.set('/repo/model/model.json', runEnded - 800);
  service.noteChangedFiles(['dvc.lock', 'model/model.json']);
  service.scheduleRefresh();
  await wait(30);
  runner.calls[0]?.finish('{}');
  await wait(60);
  assert.equal(runner.calls.length, 1, 'the read that began after them answers them');
  // A change made after the read began asks again; so does a file gone (its deletion has no time).
  times.set('/repo/data/raw.csv', Date.now() + 1000);
  service.noteChangedFiles(['data/raw.csv']);
  service.scheduleRefresh();
  await wait(60);
  assert.equal(runner.calls.length, 2);
  runner.calls[1]?.finish('{}');
  await wait(20);
  service.noteChangedFiles(['src/gone.py']);
  service.scheduleRefresh();
  await wait(60);
  assert.equal(runner.calls.length, 3);
  runner.calls[2]?.finish('{}');
  await wait(20);
  service.dispose();
});
