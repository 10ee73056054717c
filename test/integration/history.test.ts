/**
 * History with real DVC and git: six commits on top of the reproduced demo, each changing a param and
 * reproducing (one changes only a README, one leaves metrics.json out of git). The history rows carry the
 * metric values DVC reports at each commit and their deltas against the parent; param blame points at the
 * commit that last changed each param; the unrelated commit has no marker; the commit without metrics
 * says they are unavailable.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import {
  buildHistoryEntries,
  isDvcRelated,
  type HistoryEntry,
  type MetricAtCommit,
} from '../../src/core/history/historyEntries';
import { ExperimentsService } from '../../src/experiments/experimentsService';
import { HistoryService } from '../../src/history/historyService';
import { dvc, git, gitIdentityArgs, makeDemoRepo, makeTempDir } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

let repo: { dir: string; cleanup: () => Promise<void> };
let service: HistoryService;
let dispose: () => void;
/** Commit name -> sha, and the metrics.json each commit holds (undefined: not in git there). */
const shas = new Map<string, string>();
const metricsAt = new Map<string, Record<string, number> | undefined>();

async function setParam(pattern: RegExp, replacement: string): Promise<void> {
  const path = join(repo.dir, 'params.yaml');
  const text = await readFile(path, 'utf8');
  assert.match(text, pattern);
  await writeFile(path, text.replace(pattern, replacement));
}

async function commit(name: string, options: { repro: boolean; keepMetricsOut?: boolean }): Promise<void> {
  if (options.repro) await dvc(repo.dir, ['repro', '-q']);
  // Re-read the index from HEAD, so `git add -A` hashes every file again instead of trusting the index's
  // stat data: a same-size edit (seed 7 -> 8) that the index already claims to know was once left out of c6.
  await git(repo.dir, ['read-tree', 'HEAD']);
  await git(repo.dir, ['add', '-A']);
  if (options.keepMetricsOut) await git(repo.dir, ['rm', '-q', '--cached', 'metrics.json']);
  await git(repo.dir, [...gitIdentityArgs, 'commit', '-q', '-m', name]);
  shas.set(name, (await git(repo.dir, ['rev-parse', 'HEAD'])).trim());
  metricsAt.set(
    name,
    options.keepMetricsOut
      ? undefined
      : (JSON.parse(await git(repo.dir, ['show', 'HEAD:metrics.json'])) as Record<string, number>),
  );
}

before(async () => {
  repo = await makeDemoRepo({ repro: true });
  shas.set('base', (await git(repo.dir, ['rev-parse', 'HEAD'])).trim());
  metricsAt.set(
    'base',
    JSON.parse(await git(repo.dir, ['show', 'HEAD:metrics.json'])) as Record<string, number>,
  );
  shas.set('initial', (await git(repo.dir, ['rev-parse', 'HEAD~1'])).trim());
  await setParam(/learning_rate: 0\.5/, 'learning_rate: 0.1');
  await commit('c1 learning rate', { repro: true });
  await setParam(/epochs: 40/, 'epochs: 25');
  await commit('c2 epochs', { repro: true });
  await writeFile(join(repo.dir, 'NOTES.md'), 'Nothing DVC cares about.\n');
  await commit('c3 notes', { repro: false });
  await setParam(/threshold: 0\.5/, 'threshold: 0.6');
  await commit('c4 threshold', { repro: true });
  await setParam(/l2: 0\.001/, 'l2: 0.01');
  await commit('c5 l2 without metrics', { repro: true, keepMetricsOut: true });
  await setParam(/seed: 7/, 'seed: 8');
  await commit('c6 seed', { repro: true });
  const { cli, scheduler } = await recordingDvcCli(repo.dir);
  const gitCli = new GitCli(repo.dir);
  service = new HistoryService(gitCli, new ExperimentsService(cli, scheduler, gitCli));
  dispose = () => scheduler.dispose();
});

after(async () => {
  dispose();
  await repo.cleanup();
});

async function entries(): Promise<Map<string, HistoryEntry>> {
  const page = await service.page(0);
  const rows = await service.metricsFor(page.commits);
  const lockOutsChanged = await service.lockOutsChanged(page.commits);
  const built = buildHistoryEntries(page.commits, rows, {
    paramsFiles: new Set(['params.yaml']),
    directions: {},
    lockOutsChanged,
  });
  const byName = new Map<string, HistoryEntry>();
  for (const [name, sha] of shas) {
    const entry = built.find((candidate) => candidate.sha === sha);
    assert.ok(entry, `${name} is in the first page`);
    byName.set(name, entry);
  }
  return byName;
}

void describe('history of six commits with real DVC', () => {
  void it('pages the branch without loading all of it', async () => {
    const first = await service.page(0, 3);
    assert.deepEqual(
      first.commits.map((commit) => commit.subject),
      ['c6 seed', 'c5 l2 without metrics', 'c4 threshold'],
    );
    assert.equal(first.hasMore, true);
    const last = await service.page(6, 3);
    assert.deepEqual(
      last.commits.map((commit) => commit.sha),
      [shas.get('base'), shas.get('initial')],
    );
    assert.equal(last.hasMore, false);
  });

  void it('has the metrics of each commit and their change against the parent', async () => {
    const byName = await entries();
    const order = [
      'base',
      'c1 learning rate',
      'c2 epochs',
      'c3 notes',
      'c4 threshold',
      'c5 l2 without metrics',
      'c6 seed',
    ];
    for (const [index, name] of order.entries()) {
      const entry = byName.get(name)!;
      const expected = metricsAt.get(name);
      if (expected === undefined) {
        assert.equal(entry.metrics.kind, 'unavailable', `${name} has no metrics`);
        assert.match(entry.metrics.kind === 'unavailable' ? entry.metrics.reason : '', /metrics\.json/);
        continue;
      }
      assert.equal(entry.metrics.kind, 'available', name);
      if (entry.metrics.kind !== 'available') continue;
      const values: readonly MetricAtCommit[] = entry.metrics.values;
      const parentMetrics = index > 0 ? metricsAt.get(order[index - 1]!) : undefined;
      for (const [key, value] of Object.entries(expected)) {
        const metric = values.find((candidate) => candidate.key === key);
        assert.equal(metric?.value, value, `${name} ${key}`);
        const before = parentMetrics?.[key];
        if (before === undefined)
          assert.equal(metric?.delta, undefined, `${name} ${key} has no parent value`);
        else assert.ok(Math.abs((metric?.delta ?? NaN) - (value - before)) < 1e-12, `${name} ${key} delta`);
      }
    }
    // Something actually moved: the learning rate change changed accuracy or f1.
    const c1 = byName.get('c1 learning rate')!.metrics;
    assert.ok(c1.kind === 'available' && c1.values.some((metric) => metric.delta !== 0));
  });

  void it('marks params, data and metrics changes, and nothing on the unrelated commit', async () => {
    const byName = await entries();
    assert.deepEqual(byName.get('c3 notes')!.markers, []);
    assert.equal(isDvcRelated(byName.get('c3 notes')!), false);
    for (const name of ['c1 learning rate', 'c2 epochs', 'c4 threshold', 'c6 seed'])
      assert.ok(byName.get(name)!.markers.includes('params'), `${name} changed params`);
    assert.ok(byName.get('c1 learning rate')!.markers.includes('data'), 'c1 changed the model in dvc.lock');
    assert.ok(byName.get('c1 learning rate')!.markers.includes('metrics'));
    assert.ok(byName.get('initial')!.markers.includes('pipeline'), 'the first commit added dvc.yaml');
    assert.ok(byName.get('initial')!.markers.includes('data'), 'the first commit added raw.csv.dvc');
  });

  void it('blames each param on the commit that last changed its value', async () => {
    const { head, blame } = await service.blame('params.yaml');
    assert.equal(head?.['train.learning_rate'], '0.1');
    const expected: Record<string, string> = {
      'train.learning_rate': 'c1 learning rate',
      'train.epochs': 'c2 epochs',
      'evaluate.threshold': 'c4 threshold',
      'train.l2': 'c5 l2 without metrics',
      'prepare.seed': 'c6 seed',
      'prepare.test_fraction': 'initial',
    };
    for (const [key, name] of Object.entries(expected)) {
      const found = blame.get(key);
      assert.deepEqual(found?.kind === 'commit' ? found.sha : found, shas.get(name), `${key} -> ${name}`);
    }
    const learningRate = blame.get('train.learning_rate');
    assert.equal(learningRate?.kind === 'commit' ? learningRate.previous : undefined, '0.5');
  });

  void it('the first page asks DVC for HEAD beside git and gets the same rows as by shas', async () => {
    const first = service.firstPage();
    const [page, early] = await Promise.all([first.page, first.metrics]);
    const bySha = await service.metricsFor(page.commits);
    assert.deepEqual([...early.keys()].sort(), [...bySha.keys()].sort());
    for (const commit of page.commits)
      assert.deepEqual(early.get(commit.sha)?.metrics, bySha.get(commit.sha)?.metrics, commit.subject);
    // Also the blamed commit's metrics for param blame: the commit and its parent in one read.
    const c1 = shas.get('c1 learning rate')!;
    const rows = await service.commitAndParentRows(c1, shas.get('base'));
    assert.equal(rows.row?.rev, c1);
    assert.equal(rows.parentRow?.rev, shas.get('base'));
    assert.deepEqual(rows.row?.metrics['metrics.json'], metricsAt.get('c1 learning rate'));
  });

  void it('reports an empty history for a repository without commits', async () => {
    const empty = await makeTempDir();
    try {
      await git(empty.dir, ['init', '-q']);
      const emptyService = new HistoryService(new GitCli(empty.dir), {
        show: () => Promise.reject(new Error('unused')),
      });
      assert.deepEqual(await emptyService.page(0), { commits: [], hasMore: false });
    } finally {
      await empty.cleanup();
    }
  });
});
