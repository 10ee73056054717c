/**
 * The Slurm compute target against a real single-node Slurm (started in a temp folder by the test, 2 CPUs),
 * real DVC and real git: a git remote as a bare repository and a DVC remote as a local folder. Every job
 * clones, pulls, runs, pushes its experiment and checks the push; DVC Lens pulls it home.
 */
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import { ProcessRunner } from '../../src/cli/runner';
import { findExperiment } from '../../src/core/experiments/experimentModel';
import {
  createRemoteTarget,
  experimentRunRequest,
  type RemoteComputeTarget,
  type RemoteRunHandle,
  type RunState,
} from '../../src/execution';
import { ExperimentsService } from '../../src/experiments/experimentsService';
import { dvc, git, pinnedDvcPath } from '../helpers/dvcEnvironment';
import { makeRemoteExperimentRepo, type RemoteExperimentRepo } from '../helpers/remoteExperimentRepo';
import { startSlurmCluster, type SlurmCluster } from '../helpers/slurmCluster';
import { recordingDvcCli } from './cliFixtures';
import { processesMentioning, waitForRun } from './remoteRunChecks';

let cluster: SlurmCluster | undefined;
let repo: RemoteExperimentRepo | undefined;
let service: ExperimentsService;
let target: RemoteComputeTarget;
let workFolder: string;

const override = (key: string, value: string): { file: string; key: string; value: string } => ({
  file: 'params.yaml',
  key,
  value,
});

before(async () => {
  cluster = await startSlurmCluster({ cpus: 2 });
  repo = await makeRemoteExperimentRepo();
  const { cli, scheduler } = await recordingDvcCli(repo.home);
  service = new ExperimentsService(cli, scheduler, new GitCli(repo.home));
  workFolder = join(cluster.dir, 'runs');
  target = createRemoteTarget(
    { kind: 'slurm', name: 'test cluster', workFolder, dvcCommand: await pinnedDvcPath() },
    { runner: new ProcessRunner(), env: cluster.env },
  );
});

after(async () => {
  try {
    await cluster?.stop();
  } finally {
    await repo?.cleanup();
  }
});

const context = (): { experiments: ExperimentsService } => ({ experiments: service });

async function remoteExperimentRefs(): Promise<string> {
  return git(repo?.home ?? '.', ['ls-remote', 'origin', 'refs/exps/*']);
}

async function leftInWorkFolder(): Promise<string[]> {
  return (await readdir(workFolder)).filter((name) => !/\.(log|state|pid)$/.test(name));
}

async function failureDetails(run: RemoteRunHandle): Promise<string> {
  return `log:\n${await run.log.read()}\n${(await cluster?.logs())?.slice(-3000)}`;
}

void test('test(): reaches the cluster (sinfo answers) and finds sbatch, git and DVC with their versions', async () => {
  const check = await target.test();
  assert.equal(check.ok, true, check.lines.join('\n'));
  const text = check.lines.join('\n');
  assert.match(text, /^Reached .+ \(this machine\)$/m);
  assert.match(text, /^sbatch: slurm/m);
  assert.match(text, /^sinfo: main\* +up /m);
  assert.match(text, /^git: git version/m);
  assert.match(text, /^dvc: 3\.67\.1$/m);
});

void test('one run round trip: queued or running, succeeded, collected, and listed under its baseline', async () => {
  const { runs } = await target.submit(
    experimentRunRequest('queue', [override('lr', '0.2')], 'round'),
    context(),
  );
  const [run] = runs;
  assert.ok(run);
  assert.equal(runs.length, 1);
  assert.equal(run.experiment, `round-${run.id}`);
  assert.equal(run.record.baseline, repo?.baseline);
  assert.deepEqual(run.record.overrides, ['lr=0.2']);
  const seen = await waitForRun(run, 120_000);
  assert.equal(seen.at(-1), 'succeeded', `states ${seen.join(' → ')}\n${await failureDetails(run)}`);
  assert.ok(
    seen.some((state) => state === 'queued' || state === 'running'),
    seen.join(' → '),
  );
  const log = await run.log.read();
  assert.match(log, /dvc-lens-step: clone[\s\S]*dvc-lens-step: run[\s\S]*dvc-lens-step: verify/);
  assert.deepEqual(await leftInWorkFolder(), [], 'the clone is removed when the job ends');

  await run.collect();
  const model = await service.show();
  const row = findExperiment(model, run.experiment);
  assert.ok(row, `dvc exp show lists ${run.experiment}`);
  assert.equal(
    row.baseline?.startsWith(repo?.baseline.slice(0, 7) ?? '-'),
    true,
    JSON.stringify(row.baseline),
  );
  assert.equal(row.params['params.yaml']?.lr, 0.2);
  assert.equal(typeof row.metrics['metrics.json']?.loss, 'number');
  assert.equal(await run.failedStep?.(), undefined);
});

void test('a grid of 4 on 2 CPUs: two wait while two run, and all four come back', async () => {
  const request = experimentRunRequest(
    'queue',
    [override('lr', '0.3, 0.4, 0.5, 0.6'), override('sleep', '1')],
    'grid',
  );
  const { runs } = await target.submit(request, context());
  assert.equal(runs.length, 4);
  assert.deepEqual(
    runs.map((run) => run.experiment),
    runs.map((run, index) => `grid-${index + 1}-${run.id}`),
  );
  let sawTwoWaiting = false;
  const deadline = Date.now() + 240_000;
  let states: RunState[] = [];
  for (;;) {
    states = await Promise.all(runs.map((run) => run.state()));
    const running = states.filter((state) => state === 'running' || state === 'completing').length;
    assert.ok(running <= 2, `at most two run at once on 2 CPUs: ${states.join(', ')}`);
    if (running === 2 && states.filter((state) => state === 'queued').length === 2) sawTwoWaiting = true;
    if (states.every((state) => state === 'succeeded' || state === 'failed' || state === 'cancelled')) break;
    assert.ok(Date.now() < deadline, `the grid did not finish: ${states.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  assert.deepEqual(states, ['succeeded', 'succeeded', 'succeeded', 'succeeded']);
  assert.ok(sawTwoWaiting, 'two jobs waited for a CPU while two ran');
  for (const run of runs) await run.collect();
  const model = await service.show();
  assert.deepEqual(
    runs.map((run) => findExperiment(model, run.experiment)?.params['params.yaml']?.lr),
    [0.3, 0.4, 0.5, 0.6],
  );
});

void test('a failing stage: the job fails at the run step, keeps its log, and pushes nothing', async () => {
  const { runs } = await target.submit(
    experimentRunRequest('queue', [override('fail', 'true')], 'broken'),
    context(),
  );
  const [run] = runs;
  assert.ok(run);
  const seen = await waitForRun(run, 120_000);
  assert.equal(seen.at(-1), 'failed', seen.join(' → '));
  assert.equal(await run.failedStep?.(), 'run');
  const log = await run.log.read();
  assert.match(log, /the stage fails on purpose/);
  assert.match(log, /dvc-lens-failed: run/);
  assert.doesNotMatch(await remoteExperimentRefs(), new RegExp(`/${run.experiment}$`, 'm'));
  assert.deepEqual(await leftInWorkFolder(), []);
});

void test('cancel a running job: cancelled, no clone (nor its DVC lock), no process left, nothing pushed', async () => {
  const { runs } = await target.submit(
    experimentRunRequest('queue', [override('sleep', '120')], 'stopped'),
    context(),
  );
  const [run] = runs;
  assert.ok(run);
  const deadline = Date.now() + 120_000;
  while (!/dvc-lens-step: run/.test(await run.log.read())) {
    assert.ok(Date.now() < deadline, `the job never reached its run step: ${await failureDetails(run)}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  // The training itself has started (it prints first): a cancel that stops DVC mid-run.
  while (!/training with lr/.test(await run.log.read())) {
    assert.ok(Date.now() < deadline, await failureDetails(run));
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await run.cancel();
  assert.equal(await run.state(), 'cancelled');
  assert.deepEqual(await leftInWorkFolder(), [], 'no clone (and so no DVC lock in it) is left');
  assert.deepEqual(await processesMentioning(`dvc-lens-${run.id}`), []);
  assert.deepEqual(await processesMentioning(run.experiment), []);
  assert.doesNotMatch(await remoteExperimentRefs(), new RegExp(`/${run.experiment}$`, 'm'));
});

void test('a name taken on the git remote: the job fails at verify, and neither experiment is lost', async () => {
  const home = repo?.home ?? '.';
  // Job ids count up by one on this cluster: the next job will be the one after the newest so far.
  const { stdout } = await new ProcessRunner().run({
    file: 'bash',
    args: ['-c', 'scontrol show job -o | sed -n "s/^JobId=\\([0-9]*\\) .*/\\1/p" | sort -n | tail -n 1'],
    cwd: home,
    env: cluster?.env,
  });
  const next = Number(stdout.trim()) + 1;
  const taken = `taken-${next}`;
  await dvc(home, ['exp', 'run', '-q', '-S', 'lr=0.9', '-n', taken]);
  await dvc(home, ['exp', 'push', 'origin', taken]);
  const before = await remoteExperimentRefs();
  const theirs = new RegExp(`^([0-9a-f]{40})\\s+\\S+/${taken}$`, 'm').exec(before)?.[1];
  assert.ok(theirs, before);

  const { runs } = await target.submit(
    experimentRunRequest('queue', [override('lr', '0.7')], 'taken'),
    context(),
  );
  const [run] = runs;
  assert.ok(run);
  assert.equal(run.experiment, taken, 'the job got the predicted id');
  const seen = await waitForRun(run, 120_000);
  assert.equal(seen.at(-1), 'failed', `${seen.join(' → ')}\n${await failureDetails(run)}`);
  assert.equal(await run.failedStep?.(), 'verify');
  assert.match(await run.log.read(), /does not hold experiment taken-\d+ as it ran here/);
  const after = await remoteExperimentRefs();
  assert.equal(new RegExp(`^([0-9a-f]{40})\\s+\\S+/${taken}$`, 'm').exec(after)?.[1], theirs);
  const row = findExperiment(await service.show(), taken);
  assert.equal(row?.params['params.yaml']?.lr, 0.9, 'the experiment at home is untouched');
});
