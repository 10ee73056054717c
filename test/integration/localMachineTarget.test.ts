/**
 * This machine as a compute target, with the real DVC: the run handles name the experiments DVC made (also
 * when DVC chose the name), their state follows `dvc exp show`, and cancelling a queued run takes it out of
 * the queue. Running and queueing themselves are tested in experiments.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import { findExperiment } from '../../src/core/experiments/experimentModel';
import { experimentRunRequest, LocalMachineTarget } from '../../src/execution';
import { ExperimentsService } from '../../src/experiments/experimentsService';
import { git, makeDemoRepo } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

let repo: { dir: string; cleanup: () => Promise<void> };
let service: ExperimentsService;
const target = new LocalMachineTarget();
const rate = (value: string): Array<{ file: string; key: string; value: string }> => [
  { file: 'params.yaml', key: 'train.learning_rate', value },
];

before(async () => {
  repo = await makeDemoRepo({ repro: true });
  await git(repo.dir, ['config', 'user.name', 'DVC Lens Test']);
  await git(repo.dir, ['config', 'user.email', 'test@dvc-lens.invalid']);
  const { cli, scheduler } = await recordingDvcCli(repo.dir);
  service = new ExperimentsService(cli, scheduler, new GitCli(repo.dir));
});

after(() => repo.cleanup());

void test('run now without a name: the handle names the experiment DVC made, which has succeeded', async () => {
  const output: string[] = [];
  const { runs } = await target.submit(experimentRunRequest('now', rate('0.3')), {
    experiments: service,
    onOutput: (line) => output.push(line),
  });
  const [run] = runs;
  assert.ok(run?.experiment, `a name from DVC's output: ${output.join(' | ')}`);
  assert.equal(await run.state(), 'succeeded');
  const row = findExperiment(await service.show(), run.experiment);
  assert.equal(row?.params['params.yaml']?.['train.learning_rate'], 0.3);
  assert.match(await run.log.read(), /Ran experiment\(s\)/);
});

void test('a queued run without a name is queued under the name DVC printed; cancel takes it out', async () => {
  const { runs } = await target.submit(experimentRunRequest('queue', rate('0.4')), { experiments: service });
  const [run] = runs;
  assert.equal(runs.length, 1);
  assert.ok(run);
  assert.equal(await run.state(), 'queued');
  assert.equal(findExperiment(await service.show(), run.id)?.state, 'queued');
  await run.cancel();
  assert.equal(await run.state(), 'cancelled');
});

void test('a queued grid: one handle per experiment, named name-1 and name-2', async () => {
  const { runs } = await target.submit(experimentRunRequest('queue', rate('0.5, 0.6'), 'sweep'), {
    experiments: service,
  });
  assert.deepEqual(
    runs.map((run) => run.experiment),
    ['sweep-1', 'sweep-2'],
  );
  assert.deepEqual(await Promise.all(runs.map((run) => run.state())), ['queued', 'queued']);
  for (const run of runs) await run.cancel();
});
