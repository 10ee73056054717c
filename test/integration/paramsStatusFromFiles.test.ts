/**
 * The params part of stage status judged from the files (no DVC) against what the real `dvc status --json`
 * prints, for every kind of params change: a value modified, a key new in a section, a key deleted, a file
 * deleted, a value restored to dvc.lock's, a whole tracked file, a subfolder pipeline, a foreach stage and a
 * stage whose other deps changed too. Each time DVC's answer before the change plus the files must give what
 * DVC says after it, both as JSON and as the views' statuses.
 */
import assert from 'node:assert/strict';
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { parsePipeline, pipelineParamsFiles, type Pipeline } from '../../src/core/pipeline';
import { parseDvcLockStageNames } from '../../src/core/status/dvcLockStages';
import { parseDvcStatus } from '../../src/core/status/dvcStatusJson';
import { judgeParamsStatus } from '../../src/core/status/paramsStatusFromFiles';
import { pipelineDefinitionDigest } from '../../src/core/status/pipelineDefinitionDigest';
import { paramsOnlyStatus } from '../../src/repository/paramsOnlyStatus';
import { dvc, git, gitIdentityArgs, makeDvcRepo } from '../helpers/dvcEnvironment';

const dvcYaml = `stages:
  whole:
    cmd: echo whole > whole.txt
    params:
      - other.yaml:
    outs: [whole.txt]
  keys:
    cmd: echo keys > keys.txt
    deps: [data.txt]
    params:
      - lr
      - train
      - other.yaml:
          - b.c
    outs: [keys.txt]
  nested:
    cmd: echo nested > nested.txt
    params:
      - train.epochs
      - seed
    outs: [nested.txt]
  each:
    foreach: [x, y]
    do:
      cmd: echo \${item} > each-\${item}.txt
      params:
        - lr
      outs: ['each-\${item}.txt']
`;
const params = 'lr: 0.1\ntrain:\n  epochs: 3\n  layers: [1, 2]\nseed: 1\n';
const other = 'a: 1\nb:\n  c: 2\n';
const subYaml = 'stages:\n  count:\n    cmd: echo 1 > n.txt\n    params: [size]\n    outs: [n.txt]\n';

async function readPipelines(root: string): Promise<Pipeline[]> {
  return Promise.all(
    ['dvc.yaml', 'sub/dvc.yaml'].map(async (file) => {
      const folder = file.includes('/') ? 'sub' : '';
      const text = await readFile(join(root, file), 'utf8');
      const names = pipelineParamsFiles(text, file);
      const texts = await Promise.all(names.map((name) => readText(join(root, folder, name))));
      return parsePipeline({ file, text, paramsFiles: new Map(names.map((n, i) => [n, texts[i]])) });
    }),
  );
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function dvcStatus(root: string): Promise<Record<string, unknown>> {
  return JSON.parse(await dvc(root, ['status', '--json'])) as Record<string, unknown>;
}

async function locked(root: string, pipelines: readonly Pipeline[]): Promise<Set<string>> {
  const names = await Promise.all(
    pipelines.map(async (pipeline) => {
      const text = await readText(join(root, pipeline.file.replace(/dvc\.yaml$/, 'dvc.lock')));
      return text === undefined ? [] : parseDvcLockStageNames(text, pipeline.file);
    }),
  );
  return new Set(names.flat());
}

void test('params judged from files read as dvc status --json says, for every kind of params change', async () => {
  const repo = await makeDvcRepo();
  const root = repo.dir;
  try {
    await writeFile(join(root, 'dvc.yaml'), dvcYaml);
    await writeFile(join(root, 'params.yaml'), params);
    await writeFile(join(root, 'other.yaml'), other);
    await writeFile(join(root, 'data.txt'), 'one\n');
    await mkdir(join(root, 'sub'));
    await writeFile(join(root, 'sub', 'dvc.yaml'), subYaml);
    await writeFile(join(root, 'sub', 'params.yaml'), 'size: 5\n');
    await dvc(root, ['repro', '-q']);
    await dvc(root, ['repro', '-q', 'sub/dvc.yaml']);
    await git(root, ['add', '-A']);
    await git(root, [...gitIdentityArgs, 'commit', '-q', '-m', 'pipelines']);
    // A dep changed before DVC's answer: the merge must keep it beside the params.
    await writeFile(join(root, 'data.txt'), 'two\n');
    const base = await dvcStatus(root);
    assert.deepEqual(Object.keys(base), ['keys']);
    const pipelines = await readPipelines(root);
    const answer = { json: base, digest: pipelineDefinitionDigest(pipelines) };

    const cases: { name: string; change: () => Promise<void>; changed: string[]; unchanged?: true }[] = [
      {
        name: 'a value modified',
        changed: ['params.yaml'],
        change: () => edit('params.yaml', 'lr: 0.1', 'lr: 0.2'),
      },
      {
        name: 'a nested value modified (a section and a key path track it)',
        changed: ['params.yaml'],
        change: () => edit('params.yaml', 'epochs: 3', 'epochs: 4'),
      },
      {
        name: 'a key new in a tracked section',
        changed: ['params.yaml'],
        change: () => edit('params.yaml', '  epochs: 3\n', '  epochs: 3\n  dropout: 0.5\n'),
      },
      { name: 'a key deleted', changed: ['params.yaml'], change: () => edit('params.yaml', 'lr: 0.1\n', '') },
      {
        name: 'an integer written as a float (equal to Python)',
        changed: ['params.yaml'],
        change: () => edit('params.yaml', 'epochs: 3', 'epochs: 3.0'),
        unchanged: true,
      },
      {
        name: 'a new key in a wholly tracked file',
        changed: ['other.yaml'],
        change: () => edit('other.yaml', 'a: 1\n', 'a: 1\nd: 5\n'),
      },
      {
        name: 'a key deleted from a wholly tracked file',
        changed: ['other.yaml'],
        change: () => edit('other.yaml', 'a: 1\n', ''),
      },
      {
        name: 'a nested value of a wholly tracked file',
        changed: ['other.yaml'],
        change: () => edit('other.yaml', 'c: 2', 'c: 3'),
      },
      { name: 'a params file deleted', changed: ['other.yaml'], change: () => rm(join(root, 'other.yaml')) },
      {
        name: 'the subfolder params modified',
        changed: ['sub/params.yaml'],
        change: () => edit('sub/params.yaml', 'size: 5', 'size: 6'),
      },
      {
        name: 'restored to the values in dvc.lock',
        changed: ['params.yaml'],
        change: () => Promise.resolve(),
        unchanged: true,
      },
    ];
    for (const { name, change, changed, unchanged } of cases) {
      await git(root, ['checkout', '--', 'params.yaml', 'other.yaml', 'sub/params.yaml']);
      await change();
      const fromFiles = await paramsOnlyStatus({
        root,
        answer,
        pipelines,
        changedPaths: new Set(changed),
        readTextFile: readText,
        judge: (files) => Promise.resolve(judgeParamsStatus(files)),
      });
      const fromDvc = await dvcStatus(root);
      assert.ok(fromFiles, `${name}: the files could not tell`);
      assert.deepEqual(fromFiles, fromDvc, name);
      // The case changed what DVC says (or, restored, did not): no case passes by saying nothing.
      if (unchanged) assert.deepEqual(fromDvc, base, name);
      else assert.notDeepEqual(fromDvc, base, name);
      const lockedStages = await locked(root, pipelines);
      assert.deepEqual(
        parseDvcStatus(fromFiles, pipelines, lockedStages),
        parseDvcStatus(fromDvc, pipelines, lockedStages),
        `${name}: the views' statuses`,
      );
    }

    // Any other file changed, or a params file that does not parse: DVC is asked.
    await git(root, ['checkout', '--', 'params.yaml', 'other.yaml', 'sub/params.yaml']);
    const ask = (changed: string[]) =>
      paramsOnlyStatus({
        root,
        answer,
        pipelines,
        changedPaths: new Set(changed),
        readTextFile: readText,
        judge: (files) => Promise.resolve(judgeParamsStatus(files)),
      });
    assert.equal(await ask(['params.yaml', 'data.txt']), undefined);
    await edit('params.yaml', 'lr: 0.1', 'lr: [0.1');
    assert.equal(await ask(['params.yaml']), undefined);
  } finally {
    await repo.cleanup();
  }

  async function edit(file: string, from: string, to: string): Promise<void> {
    const path = join(root, file);
    const text = await readFile(path, 'utf8');
    assert.ok(text.includes(from), `${file} holds ${from}`);
    await writeFile(path, text.replace(from, to));
  }
});
