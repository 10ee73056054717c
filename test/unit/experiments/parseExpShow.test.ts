import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allExperiments, findExperiment } from '../../../src/core/experiments/experimentModel';
import { ExpShowShapeError, parseExpShow } from '../../../src/core/experiments/parseExpShow';
import { expShowFixture } from './expShowFixtures';

void describe('parseExpShow on recorded DVC 3.67.1 output', () => {
  void it('nests experiments under their baseline commit with their state', () => {
    const model = parseExpShow(expShowFixture('queued.json'));
    assert.equal(model.workspace?.kind, 'workspace');
    assert.equal(model.workspace?.label, 'workspace');
    assert.equal(model.commits.length, 1);
    const [head] = model.commits;
    assert.equal(head?.name, 'main');
    assert.equal(head?.label, 'main');
    assert.deepEqual(
      head?.experiments.map((row) => [row.name, row.state]),
      [
        ['tuned-hows', 'success'],
        ['lr-small', 'success'],
        ['slow', 'queued'],
        ['fails', 'queued'],
        ['queued-one', 'queued'],
      ],
    );
    const small = findExperiment(model, 'lr-small');
    assert.equal(small?.baseline, head?.rev);
    assert.equal(small?.rev, 'afad3b09bae2c385f44fc1318083cda40762de5e');
    assert.equal(small?.timestamp, '2026-11-29T18:33:27');
    assert.equal(small?.params['params.yaml']?.['train.learning_rate'], 0.1);
    assert.equal(small?.metrics['metrics.json']?.accuracy, 0.9733);
    assert.equal(small?.executor, undefined);
    const queued = findExperiment(model, 'queued-one');
    assert.equal(queued?.executor?.taskId, '8be4f9b7266afd7e035387a7fcbc052f5265de00');
    assert.deepEqual(queued?.metrics, {});
  });

  void it('reads a running experiment (no timestamp, pid and log) and a failed one (DVC message, exit code)', () => {
    const model = parseExpShow(expShowFixture('running.json'));
    const slow = findExperiment(model, 'slow');
    assert.equal(slow?.state, 'running');
    assert.equal(slow?.timestamp, undefined);
    assert.equal(slow?.executor?.pid, 1441);
    assert.match(slow?.executor?.logFile ?? '', /\.out$/);
    const fails = findExperiment(model, 'fails');
    assert.equal(fails?.state, 'failed');
    assert.equal(fails?.error, 'Experiment run failed');
    assert.equal(fails?.executor?.returnCode, 255);
    const done = findExperiment(model, 'queued-one');
    assert.equal(done?.state, 'success');
    // Once run, the experiment is its own commit, not the queue's stash entry.
    assert.equal(done?.rev.startsWith('0c54119'), true);
  });

  void it('reads every finished state and the deps hashes', () => {
    const model = parseExpShow(expShowFixture('finished.json'));
    const states = allExperiments(model).map((row) => `${row.name}:${row.state}`);
    assert.deepEqual(states.sort(), [
      'fails:failed',
      'lr-small:success',
      'queued-one:success',
      'slow:success',
      'tuned-hows:success',
    ]);
    assert.equal(model.workspace?.deps['src/train.py'], '9360256b037203790516eab3a45c17c8');
  });

  void it('keeps a missing metrics file as a file error and reads commits without experiments', () => {
    const model = parseExpShow(expShowFixture('rev.json'));
    assert.equal(model.commits.length, 1);
    const [first] = model.commits;
    assert.equal(first?.name, undefined);
    assert.equal(first?.label, '69772e7');
    assert.deepEqual(first?.experiments, []);
    assert.match(first?.fileErrors['metrics.json'] ?? '', /No such file or directory/);
    assert.equal(first?.deps['src/train.py'], undefined);
    assert.equal(first?.params['params.yaml']?.['prepare.seed'], 7);
  });

  void it('lists the commits -n and -A asked for', () => {
    assert.deepEqual(
      parseExpShow(expShowFixture('n2.json')).commits.map((commit) => [
        commit.label,
        commit.experiments.length,
      ]),
      [
        ['main', 5],
        ['69772e7', 0],
      ],
    );
    assert.equal(parseExpShow(expShowFixture('all-commits.json')).commits.length, 2);
  });

  void it('flattens nested params of YAML, JSON and TOML files and keeps NaN and Infinity metrics', () => {
    const model = parseExpShow(expShowFixture('special-values.json'));
    const experiment = findExperiment(model, 'nested-and-toml');
    assert.deepEqual(experiment?.params['params.yaml'], {
      'model.layers.hidden': [64, 32],
      'model.layers.dropout': 0.3,
      'model.label': '<b>bold</b>',
    });
    assert.equal(experiment?.params['params.json']?.['optimizer.lr'], 0.1);
    assert.equal(experiment?.params['params.json']?.['optimizer.schedule.warmup'], 5);
    assert.equal(experiment?.params['params.toml']?.['data.batch'], 64);
    assert.equal(experiment?.params['params.toml']?.['data.shuffle'], true);
    const metrics = experiment?.metrics['metrics.json'];
    assert.ok(Number.isNaN(metrics?.loss));
    assert.equal(metrics?.score, Number.POSITIVE_INFINITY);
    assert.equal(metrics?.low, Number.NEGATIVE_INFINITY);
    assert.equal(metrics?.['nested.val.acc'], 0.5);
    assert.match(experiment?.fileErrors['missing.json'] ?? '', /missing\.json/);
  });

  void it('reads a repository without commits as an empty model, and refuses what is not a list', () => {
    assert.deepEqual(parseExpShow(expShowFixture('no-commits.json')), { workspace: undefined, commits: [] });
    assert.throws(() => parseExpShow({ rev: 'workspace' }), ExpShowShapeError);
  });

  void it('survives missing parts and keeps a __proto__ key as data', () => {
    const model = parseExpShow([
      { rev: 'workspace', data: { params: { 'p.yaml': { data: JSON.parse('{"__proto__": {"x": 1}}') } } } },
      { rev: 'abc1234567', experiments: [{ name: 'e', revs: [{ rev: 'def' }] }, null, { revs: 'x' }] },
    ]);
    assert.equal(model.workspace?.params['p.yaml']?.['__proto__.x'], 1);
    assert.equal(model.commits[0]?.experiments.length, 1);
    assert.equal(model.commits[0]?.experiments[0]?.state, 'success');
  });
});
