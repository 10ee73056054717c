import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildPipelineGraph, parseDataSource } from '../../../src/core/dag';
import { parsePipeline } from '../../../src/core/pipeline';

const frozenImport = `md5: bd41e557379499d2c140b7542c287037
frozen: true
deps:
- path: data/data.xml
  repo:
    url: /gone/source
    rev_lock: d15ccb2ae817fb273e14e121f139335a3ce0a32a
outs:
- md5: 109429240b18f25c97b47b94b0859f28
  size: 1758
  hash: md5
  path: data.xml
`;

void test('a .dvc file is a data source: tracked, import (frozen) or import-url', () => {
  assert.deepEqual(parseDataSource('data/data.xml.dvc', frozenImport), {
    file: 'data/data.xml.dvc',
    kind: 'import',
    frozen: true,
    outs: ['data/data.xml'],
    source: '/gone/source',
  });
  assert.deepEqual(parseDataSource('raw.csv.dvc', 'outs:\n- md5: a\n  path: raw.csv\n'), {
    file: 'raw.csv.dvc',
    kind: 'tracked',
    frozen: false,
    outs: ['raw.csv'],
  });
  assert.equal(
    parseDataSource('f.dvc', 'deps:\n- path: https://example.com/f.csv\nouts:\n- path: f.csv\n')?.kind,
    'importUrl',
  );
  assert.equal(parseDataSource('bad.dvc', 'outs: [\n'), undefined);
  assert.equal(parseDataSource('bad.dvc', '- a list'), undefined);
  assert.deepEqual(parseDataSource('x/y.dvc', 'outs:\n- path: ../../outside\n')?.outs, []);
});

void test('data sources link to the stages that read them, in the first reader frame', () => {
  const pipeline = parsePipeline({
    file: 'dvc.yaml',
    text: 'stages:\n  prepare:\n    cmd: p\n    deps: [data/data.xml, data/labels]\n    outs: [prepared]\n  train:\n    cmd: t\n    deps: [prepared]\n',
    paramsFiles: new Map(),
  });
  const graph = buildPipelineGraph([pipeline], {
    dataSources: [
      { file: 'data/data.xml.dvc', kind: 'import', frozen: true, outs: ['data/data.xml'] },
      { file: 'data/labels/cats.dvc', kind: 'tracked', frozen: false, outs: ['data/labels/cats'] },
      { file: 'unused.dvc', kind: 'tracked', frozen: false, outs: ['unused'] },
    ],
  });
  assert.deepEqual(graph.edges.map((edge) => `${edge.from} -> ${edge.to}`).sort(), [
    'data/data.xml.dvc -> prepare',
    'data/labels/cats.dvc -> prepare',
    'prepare -> train',
  ]);
  assert.deepEqual(graph.groups, [
    {
      file: 'dvc.yaml',
      nodeIds: ['prepare', 'train', 'data/data.xml.dvc', 'data/labels/cats.dvc', 'unused.dvc'],
    },
  ]);
  const source = graph.nodes.find((node) => node.id === 'data/data.xml.dvc');
  assert.deepEqual(source?.source, { kind: 'import', frozen: true });
  assert.equal(buildPipelineGraph([pipeline], { mode: 'data', dataSources: [] }).nodes.length, 1);
});
