import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDagSnapshot, dagNodeId } from '../../../src/pipeline/dag/dagSnapshot';
import { dedent, parse } from '../pipeline/pipelineFixture';

const pipeline = parse(
  dedent(`
    stages:
      prepare:
        cmd: p
        outs: [prepared.csv]
      train:
        cmd: t
        deps: [prepared.csv]
  `),
);

void test('joins the graph with status, run state and last duration, keyed by root and qualified name', () => {
  const asked: string[] = [];
  const snapshot = buildDagSnapshot([{ root: 'file:///a', name: 'a', pipelines: [pipeline] }], {
    statusOf: (root, stage) => {
      asked.push(`${root} ${stage}`);
      return stage === 'train' ? { kind: 'changed', reasons: ['deps modified: prepared.csv'] } : undefined;
    },
    runStateOf: (_root, stage) => (stage === 'prepare' ? 'running' : undefined),
    lastRunOf: (_root, stage) =>
      stage === 'train'
        ? { stage, startedAt: '', durationMs: 4200, outcome: 'succeeded', logFile: '/log' }
        : undefined,
  });
  assert.deepEqual(asked, ['file:///a prepare', 'file:///a train']);
  assert.deepEqual(
    snapshot.nodes.map((node) => [node.id, node.status, node.runState, node.lastDurationMs]),
    [
      [dagNodeId('file:///a', 'prepare'), 'unknown', 'running', undefined],
      [dagNodeId('file:///a', 'train'), 'changed', undefined, 4200],
    ],
  );
  assert.deepEqual(snapshot.edges, [
    { from: dagNodeId('file:///a', 'prepare'), to: dagNodeId('file:///a', 'train') },
  ]);
  assert.deepEqual(snapshot.groups, [{ id: dagNodeId('file:///a', 'dvc.yaml'), label: 'dvc.yaml' }]);
  assert.deepEqual(snapshot.problems, []);
});

void test('several repositories: group labels and problem locations name the repository', () => {
  const cyclic = parse(
    dedent(`
      stages:
        one:
          cmd: a
          deps: [b]
          outs: [a]
        two:
          cmd: b
          deps: [a]
          outs: [b]
    `),
  );
  const snapshot = buildDagSnapshot([
    { root: 'file:///a', name: 'a', pipelines: [pipeline] },
    { root: 'file:///b', name: 'b', pipelines: [cyclic] },
  ]);
  assert.deepEqual(
    snapshot.groups.map((group) => group.label),
    ['a/dvc.yaml', 'b/dvc.yaml'],
  );
  assert.equal(snapshot.problems.length, 1);
  assert.equal(snapshot.problems[0]?.location, 'b/dvc.yaml:2');
  assert.match(snapshot.problems[0]?.message ?? '', /one → two → one/);
});
