import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPipelineGraph, graphProblems } from '../../../src/core/dag';
import { dedent, parse } from '../pipeline/pipelineFixture';

function edgeList(graph: ReturnType<typeof buildPipelineGraph>): string[] {
  return graph.edges.map((edge) => `${edge.from} -> ${edge.to}`).sort();
}

void test('links a stage to the stage whose output it reads: same path, a file inside an output folder, a folder holding an output', () => {
  const pipeline = parse(
    dedent(`
      stages:
        prepare:
          cmd: python prepare.py
          deps: [data/raw.csv]
          outs: [data/prepared]
        featurize:
          cmd: python featurize.py
          deps: [data/prepared/train.csv]
          outs: [data/features/train.pkl]
        train:
          cmd: python train.py
          deps: [data/features, src/train.py]
          outs: [model.pkl]
          metrics: [metrics.json]
        evaluate:
          cmd: python evaluate.py
          deps: [model.pkl, ./data/../metrics.json]
    `),
  );
  const graph = buildPipelineGraph([pipeline]);
  assert.deepEqual(
    graph.nodes.map((node) => node.id),
    ['prepare', 'featurize', 'train', 'evaluate'],
  );
  assert.deepEqual(edgeList(graph), ['featurize -> train', 'prepare -> featurize', 'train -> evaluate']);
  const evaluate = graph.edges.find((edge) => edge.to === 'evaluate');
  assert.deepEqual(evaluate?.paths, ['metrics.json', 'model.pkl']);
  assert.deepEqual(graphProblems(graph), []);
});

void test('compares paths repository-relative across dvc.yaml files in different folders, with wdir', () => {
  const root = parse(
    dedent(`
      stages:
        download:
          cmd: get
          outs: [data/raw.csv]
    `),
  );
  const sub = parse(
    dedent(`
      stages:
        clean:
          cmd: clean
          deps: [../data/raw.csv]
          outs: [clean.csv]
        report:
          wdir: ..
          cmd: report
          deps: [sub/clean.csv]
    `),
    {},
    'sub/dvc.yaml',
  );
  const graph = buildPipelineGraph([root, sub]);
  assert.deepEqual(edgeList(graph), [
    'download -> sub/dvc.yaml:clean',
    'sub/dvc.yaml:clean -> sub/dvc.yaml:report',
  ]);
  assert.deepEqual(
    graph.groups.map((group) => [group.file, group.nodeIds.length]),
    [
      ['dvc.yaml', 1],
      ['sub/dvc.yaml', 2],
    ],
  );
});

void test('does not link by a common prefix that is not a folder, nor to a URL', () => {
  const pipeline = parse(
    dedent(`
      stages:
        a:
          cmd: a
          outs: [data/out]
        b:
          cmd: b
          deps: [data/output.csv, s3://bucket/data/out]
    `),
  );
  assert.deepEqual(edgeList(buildPipelineGraph([pipeline])), []);
});

void test('data mode draws outputs as nodes, linked through the stages that read and write them', () => {
  const pipeline = parse(
    dedent(`
      stages:
        prepare:
          cmd: p
          outs: [prepared.csv]
        train:
          cmd: t
          deps: [prepared.csv]
          outs: [model.pkl]
          metrics: [metrics.json]
    `),
  );
  const graph = buildPipelineGraph([pipeline], { mode: 'data' });
  assert.deepEqual(
    graph.nodes.map((node) => node.id),
    ['data:prepared.csv', 'data:model.pkl', 'data:metrics.json'],
  );
  assert.deepEqual(edgeList(graph), [
    'data:prepared.csv -> data:metrics.json',
    'data:prepared.csv -> data:model.pkl',
  ]);
});

void test('reports a cycle once, at its first stage, naming the stages in order', () => {
  const pipeline = parse(
    dedent(`
      stages:
        first:
          cmd: one
          deps: [c.txt]
          outs: [a.txt]
        second:
          cmd: two
          deps: [a.txt]
          outs: [b.txt]
        third:
          cmd: three
          deps: [b.txt]
          outs: [c.txt]
        apart:
          cmd: four
          deps: [a.txt]
    `),
  );
  const problems = graphProblems(buildPipelineGraph([pipeline]));
  assert.equal(problems.length, 1);
  const [problem] = problems;
  assert.equal(problem?.severity, 'error');
  assert.match(problem?.message ?? '', /first → second → third → first/);
  assert.equal(problem?.range.startLine, pipeline.stages[0]?.range.startLine);
});

void test("reports an output written by two stages at both, and an output inside another stage's output", () => {
  const pipeline = parse(
    dedent(`
      stages:
        one:
          cmd: one
          outs: [model.pkl, data]
        two:
          cmd: two
          outs: [model.pkl]
        three:
          cmd: three
          outs: [data/part.csv]
    `),
  );
  const problems = graphProblems(buildPipelineGraph([pipeline]));
  const duplicates = problems.filter((problem) => problem.message.includes("'model.pkl' is an output"));
  assert.equal(duplicates.length, 2);
  assert.deepEqual(duplicates.map((problem) => problem.range.startLine).sort(), [3, 6]);
  const overlapping = problems.filter((problem) => problem.message.includes('lies inside'));
  assert.equal(overlapping.length, 2);
  assert.match(
    overlapping[0]?.message ?? '',
    /'data\/part.csv' \(stage 'three'\) lies inside 'data', an output of stage 'one'/,
  );
});

void test('a 2,000-stage chain builds without recursion limits and finds no cycle', () => {
  let text = 'stages:\n';
  for (let index = 0; index < 2000; index++)
    text += `  s${index}:\n    cmd: x\n    deps: [d${index - 1}]\n    outs: [d${index}]\n`;
  const graph = buildPipelineGraph([parse(text)]);
  assert.equal(graph.edges.length, 1999);
  assert.deepEqual(graphProblems(graph), []);
});
