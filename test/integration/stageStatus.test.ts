/**
 * Stage status with the real DVC: PipelineStatusService through the runner and scheduler on a reproduced copy
 * of the demo project, against what `dvc status --json` says about it.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { parsePipeline, pipelineParamsFiles, type Pipeline } from '../../src/core/pipeline';
import { PipelineStatusService } from '../../src/repository/pipelineStatusService';
import { makeDemoRepo } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

async function readDemoPipeline(root: string): Promise<Pipeline> {
  const text = await readFile(join(root, 'dvc.yaml'), 'utf8');
  const names = pipelineParamsFiles(text);
  const texts = await Promise.all(names.map((name) => readFile(join(root, name), 'utf8')));
  return parsePipeline({ file: 'dvc.yaml', text, paramsFiles: new Map(names.map((n, i) => [n, texts[i]])) });
}

void test('stage status of the demo: clean, a changed param, superseded refreshes, a broken dvc.yaml', async () => {
  const repo = await makeDemoRepo({ repro: true });
  try {
    const { cli, lines } = await recordingDvcCli(repo.dir);
    let pipelines = [await readDemoPipeline(repo.dir)];
    const service = new PipelineStatusService(
      () => cli,
      () => pipelines,
    );
    let changes = 0;
    service.onDidChange(() => changes++);

    assert.equal(await service.refresh(), 'updated');
    for (const stage of ['prepare', 'train', 'evaluate'])
      assert.deepEqual(service.statusOf(stage), { kind: 'upToDate', reasons: [] }, stage);
    assert.equal(service.lastError, undefined);

    const paramsFile = join(repo.dir, 'params.yaml');
    const params = await readFile(paramsFile, 'utf8');
    assert.match(params, /epochs: 40/);
    await writeFile(paramsFile, params.replace('epochs: 40', 'epochs: 41'));
    pipelines = [await readDemoPipeline(repo.dir)];
    assert.equal(await service.refresh(), 'updated');
    // train depends on the whole `train` section, so DVC names the section, not train.epochs.
    assert.deepEqual(service.statusOf('train'), { kind: 'changed', reasons: ['params modified: train'] });
    assert.deepEqual(service.statusOf('prepare'), { kind: 'upToDate', reasons: [] });
    // DVC judges evaluate by its own deps: model/model.json is unchanged until train runs again, and
    // evaluate reads only evaluate.threshold. `dvc status` says nothing about it, and neither do we.
    assert.deepEqual(service.statusOf('evaluate'), { kind: 'upToDate', reasons: [] });

    changes = 0;
    const statusCallsBefore = lines.filter((line) => / status --json/.test(line)).length;
    const older = service.refresh();
    await new Promise((resolve) => setTimeout(resolve, 150));
    const newer = service.refresh();
    assert.deepEqual(await Promise.all([older, newer]), ['cancelled', 'updated']);
    assert.equal(service.lastError, undefined, 'a superseded refresh is not an error');
    assert.equal(service.statusOf('train')?.kind, 'changed');
    assert.equal(changes, 2, 'one "refreshing" and one result');
    const statusCalls = lines.filter((line) => / status --json/.test(line)).slice(statusCallsBefore);
    assert.equal(statusCalls.length, 2, statusCalls.join('\n'));
    // The older `dvc status` is not killed (a kill can truncate .dvc/tmp/rwlock): it runs to its end in the
    // lane, its answer dropped, and the newer one follows it.
    assert.ok(
      statusCalls.every((line) => /→ exit 0/.test(line)),
      `both dvc status calls ran to their end:\n${statusCalls.join('\n')}`,
    );

    const dvcYaml = join(repo.dir, 'dvc.yaml');
    await writeFile(dvcYaml, `${await readFile(dvcYaml, 'utf8')}\n  broken: [\n`);
    assert.equal(await service.refresh(), 'failed');
    assert.equal(service.lastError, "dvc status failed: './dvc.yaml' is invalid.");
    assert.match(service.lastErrorDetail ?? '', /broken: \[/);
    assert.equal(service.statusOf('train')?.kind, 'changed', 'the last known statuses stay');
    service.dispose();
  } finally {
    await repo.cleanup();
  }
});
