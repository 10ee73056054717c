import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as esbuild from 'esbuild';
import { PipelineParseClient } from '../../../src/repository/pipelineParseClient';
import { aliasBombDvcYaml, manyStagesDvcYaml } from './hostileDocuments';

// The worker as the extension ships it: bundled into one CommonJS file (worker threads do not get tsx).
let folder = '';
let workerFile = '';
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'dvc-lens-parse-worker-'));
  workerFile = join(folder, 'pipelineParseWorker.js');
  await esbuild.build({
    entryPoints: [join(__dirname, '../../../src/repository/pipelineParseWorker.ts')],
    outfile: workerFile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
  });
});
after(() => rm(folder, { recursive: true, force: true }));
const bytes = (text: string) => ({ kind: 'bytes' as const, bytes: new TextEncoder().encode(text) });

void test('the parse worker returns every stage, in order, across its chunked messages', async () => {
  const client = new PipelineParseClient(workerFile);
  try {
    const pipeline = await client.pipeline({
      file: 'dvc.yaml',
      dvcYaml: bytes(manyStagesDvcYaml(1234)),
      paramsFiles: new Map(),
      dvcLock: { kind: 'missing' },
    });
    assert.equal(pipeline.stages.length, 1234);
    assert.deepEqual(
      pipeline.stages.slice(0, 3).map((stage) => stage.name),
      ['s0', 's1', 's2'],
    );
    assert.equal(pipeline.stages.at(-1)?.name, 's1233');
    const bomb = await client.pipeline({
      file: 'bomb/dvc.yaml',
      dvcYaml: bytes(aliasBombDvcYaml()),
      paramsFiles: new Map(),
      dvcLock: { kind: 'missing' },
    });
    assert.match(bomb.problems[0]?.message ?? '', /too many aliases/);
  } finally {
    client.dispose();
  }
});

void test('a parse that overruns its time is given up with a clear error; paramsFiles names the vars files', async () => {
  const client = new PipelineParseClient(workerFile, 50);
  try {
    const slow = client.pipeline({
      file: 'dvc.yaml',
      dvcYaml: bytes(`${manyStagesDvcYaml(20_000)}# slow\n`),
      paramsFiles: new Map(),
      dvcLock: { kind: 'missing' },
    });
    await assert.rejects(slow, /parsing took longer than 0.05 s/);
    const generous = new PipelineParseClient(workerFile);
    try {
      const names = await generous.paramsFiles('dvc.yaml', bytes('vars: [other.yaml]\n'));
      assert.deepEqual(names, ['params.yaml', 'other.yaml']);
    } finally {
      generous.dispose();
    }
  } finally {
    client.dispose();
  }
});
