import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPipelineTree, type PipelineTreeNode } from '../../../src/core/pipeline';
import { dedent, parse } from './pipelineFixture';

const text = dedent(`
  stages:
    prepare:
      desc: Split the rows
      cmd: python prepare.py
      deps: [data/raw.csv, data/raw.csv]
      params: [prepare.seed, {other.yaml: [lr]}]
      outs: [data/prepared]
    train:
      foreach: [a, b]
      do:
        cmd: python train.py \${item}
        outs:
          - model-\${item}.pkl
        metrics: [metrics.json]
        plots: [loss.csv]
        frozen: true
  plots:
    - loss.csv
`);

function walk(nodes: readonly PipelineTreeNode[], visit: (node: PipelineTreeNode) => void): void {
  for (const node of nodes) {
    visit(node);
    walk(node.children, visit);
  }
}

function ids(nodes: readonly PipelineTreeNode[]): string[] {
  const all: string[] = [];
  walk(nodes, (node) => all.push(node.id));
  return all;
}

function byLabel(nodes: readonly PipelineTreeNode[], label: string): PipelineTreeNode {
  const found = nodes.find((node) => node.label === label);
  if (!found) throw new Error(`no node ${label} among ${nodes.map((node) => node.label).join(', ')}`);
  return found;
}

void test('pipeline file → stages → groups in a fixed order → items', () => {
  const [file] = buildPipelineTree([parse(text, {}, 'sub/dvc.yaml')], { rootId: 'repo' });
  assert.ok(file);
  assert.equal(file.kind, 'pipelineFile');
  assert.equal(file.label, 'sub/dvc.yaml');
  assert.equal(file.description, '3 stages');
  assert.deepEqual(
    file.children.map((node) => [node.kind, node.label]),
    [
      ['stage', 'prepare'],
      ['stage', 'train@a'],
      ['stage', 'train@b'],
      ['itemGroup', 'Plots'],
    ],
  );
  const prepare = byLabel(file.children, 'prepare');
  assert.deepEqual(
    prepare.children.map((node) => [node.label, node.description, node.codicon]),
    [
      ['Command', '1', 'terminal'],
      ['Dependencies', '2', 'references'],
      ['Outputs', '1', 'output'],
      ['Params', '2', 'symbol-parameter'],
    ],
  );
  const trainA = byLabel(file.children, 'train@a');
  assert.deepEqual(
    trainA.children.map((node) => node.label),
    ['Command', 'Outputs', 'Metrics', 'Plots'],
  );
});

void test('stage nodes carry codicon, contextValue, description and what to open', () => {
  const [file] = buildPipelineTree([parse(text, {}, 'sub/dvc.yaml')], { rootId: 'repo' });
  const prepare = byLabel(file?.children ?? [], 'prepare');
  assert.equal(prepare.kind, 'stage');
  assert.equal(prepare.codicon, 'symbol-event');
  assert.equal(prepare.contextValue, 'stage');
  assert.equal(prepare.description, 'Split the rows');
  assert.deepEqual(prepare.open, {
    file: 'sub/dvc.yaml',
    range: { startLine: 1, startCharacter: 2, endLine: 1, endCharacter: 9 },
  });
  const frozen = byLabel(file?.children ?? [], 'train@b');
  assert.equal(frozen.codicon, 'lock');
  assert.equal(frozen.description, 'frozen');
  assert.match(frozen.tooltip, /^sub\/dvc\.yaml:train@b\n/);
});

void test('items open their file (repository-relative), commands open dvc.yaml at the command', () => {
  const [file] = buildPipelineTree([parse(text, {}, 'sub/dvc.yaml')], { rootId: 'repo' });
  const prepare = byLabel(file?.children ?? [], 'prepare');
  const command = byLabel(prepare.children, 'Command').children[0];
  assert.deepEqual(command?.open, {
    file: 'sub/dvc.yaml',
    range: { startLine: 3, startCharacter: 9, endLine: 3, endCharacter: 26 },
  });
  assert.equal(command?.contextValue, 'cmd');
  const dep = byLabel(prepare.children, 'Dependencies').children[0];
  assert.deepEqual(dep?.open, { file: 'sub/data/raw.csv' });
  assert.equal(dep?.codicon, 'file');
  const params = byLabel(prepare.children, 'Params').children;
  assert.deepEqual(
    params.map((node) => [node.label, node.description, node.open?.file]),
    [
      ['prepare.seed', 'params.yaml', 'sub/params.yaml'],
      ['other.yaml:lr', undefined, 'sub/other.yaml'],
    ],
  );
});

void test('ids are unique, and stable when the file is parsed again or edited elsewhere', () => {
  const first = ids(buildPipelineTree([parse(text)], { rootId: 'repo' }));
  assert.equal(new Set(first).size, first.length);
  const again = ids(buildPipelineTree([parse(text)], { rootId: 'repo' }));
  assert.deepEqual(again, first);
  const edited = ids(buildPipelineTree([parse(`# a comment moves every line\n${text}`)], { rootId: 'repo' }));
  assert.deepEqual(edited, first);
  const otherRoot = ids(buildPipelineTree([parse(text)], { rootId: 'other' }));
  assert.equal(otherRoot.filter((id) => first.includes(id)).length, 0);
});

void test('a pipeline with problems shows error nodes first, then its readable stages', () => {
  const broken = parse(
    'stages:\n  ok:\n    cmd: echo\n  bad:\n    deps: x\n  worse:\n    cmd: 3\n  w2:\n    cmd: 4\n  w3:\n    cmd: 5\n',
  );
  const [file] = buildPipelineTree([broken], { rootId: 'repo', maxProblems: 2 });
  assert.ok(file);
  assert.equal(file.description, '5 stages, 5 errors');
  const problems = file.children.filter((node) => node.kind === 'problem');
  assert.equal(problems.length, 2);
  assert.equal(problems[0]?.codicon, 'error');
  assert.equal(problems[0]?.label, `Stage "bad": 'deps' must be a list of paths, not a string`);
  assert.equal(problems[0]?.description, 'dvc.yaml:5');
  assert.equal(problems[1]?.description, 'dvc.yaml:4 (+3 more)');
  assert.deepEqual(problems[0]?.open, { file: 'dvc.yaml', range: broken.problems[0]?.range });
  assert.deepEqual(
    file.children.filter((node) => node.kind === 'stage').map((node) => node.label),
    ['ok', 'bad', 'worse', 'w2', 'w3'],
  );
});

void test('the root dvc.yaml comes first; multi-root label goes into the tooltip', () => {
  const nodes = buildPipelineTree(
    [
      parse('stages: {}', {}, 'b/dvc.yaml'),
      parse('stages: {}', {}, 'dvc.yaml'),
      parse('stages: {}', {}, 'a/dvc.yaml'),
    ],
    {
      rootId: 'r',
      rootLabel: 'project',
    },
  );
  assert.deepEqual(
    nodes.map((node) => node.label),
    ['dvc.yaml', 'a/dvc.yaml', 'b/dvc.yaml'],
  );
  assert.match(nodes[0]?.tooltip ?? '', /^project: dvc\.yaml/);
});

// How fast this is lives in the pipeline-tree-1000 benchmark (npm run bench), not in a timed test.
void test('builds a tree of 1,000 stages, one node per stage', () => {
  let big = 'stages:\n';
  for (let index = 0; index < 1000; index++) {
    big += `  s${index}:\n    cmd: python run.py ${index}\n    deps: [in${index}.csv, src/run.py]\n    params: [lr]\n    outs: [out${index}.csv]\n    metrics: [m${index}.json]\n`;
  }
  const pipeline = parse(big);
  assert.equal(pipeline.stages.length, 1000);
  const tree = buildPipelineTree([pipeline], { rootId: 'repo' });
  const stages = JSON.stringify(tree).match(/"kind":"stage"/g) ?? [];
  assert.equal(stages.length, 1000);
});
