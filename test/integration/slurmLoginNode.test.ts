/**
 * The Slurm target through a login node: `sbatch`, `scontrol`, `scancel`, the log and the state file all
 * over the system `ssh` (host keys checked) to the tests' OpenSSH server, whose sessions get the test
 * cluster's SLURM_CONF. The job runs as the SSH login's account (a throwaway one when root, prepared by
 * test/helpers/sshLogin.ts). A round trip and a cancel.
 */
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import { ProcessRunner } from '../../src/cli/runner';
import { findExperiment } from '../../src/core/experiments/experimentModel';
import { createRemoteTarget, experimentRunRequest, type RemoteComputeTarget } from '../../src/execution';
import { ExperimentsService } from '../../src/experiments/experimentsService';
import { makeRemoteExperimentRepo, type RemoteExperimentRepo } from '../helpers/remoteExperimentRepo';
import { startSlurmCluster, type SlurmCluster } from '../helpers/slurmCluster';
import { prepareSshLogin, type SshLogin } from '../helpers/sshLogin';
import { startSshServer, type SshServer } from '../helpers/sshServer';
import { recordingDvcCli } from './cliFixtures';
import { processesMentioning, waitForRun } from './remoteRunChecks';

let cluster: SlurmCluster | undefined;
let server: SshServer | undefined;
let repo: RemoteExperimentRepo | undefined;
let login: SshLogin;
let service: ExperimentsService;
let target: RemoteComputeTarget;

before(async () => {
  cluster = await startSlurmCluster({ cpus: 2 });
  server = await startSshServer({ env: { SLURM_CONF: cluster.env.SLURM_CONF ?? '' } });
  repo = await makeRemoteExperimentRepo();
  const { cli, scheduler } = await recordingDvcCli(repo.home);
  service = new ExperimentsService(cli, scheduler, new GitCli(repo.home));
  login = await prepareSshLogin(server, repo);
  target = createRemoteTarget(
    {
      kind: 'slurm',
      name: 'login cluster',
      login: login.connection,
      workFolder: login.workFolder,
      dvcCommand: login.dvcCommand,
    },
    { runner: new ProcessRunner() },
  );
});

after(async () => {
  try {
    // The cluster first: it cancels every job, whoever submitted it, before the login's account goes.
    await cluster?.stop();
  } finally {
    try {
      await server?.stop();
    } finally {
      await repo?.cleanup();
    }
  }
});

const lr = (value: string): Array<{ file: string; key: string; value: string }> => [
  { file: 'params.yaml', key: 'lr', value },
];

async function leftInWorkFolder(): Promise<string[]> {
  return (await readdir(login.workFolderHere)).filter((name) => !/\.(log|state|pid)$/.test(name));
}

void test('test(): reaches the login node over ssh, where sinfo, sbatch, git and DVC answer', async () => {
  const check = await target.test();
  assert.equal(check.ok, true, check.lines.join('\n'));
  assert.match(check.lines.join('\n'), /^Reached .+ \(.+@127\.0\.0\.1:\d+\)$/m);
  assert.match(check.lines.join('\n'), /^sinfo: main\* +up /m);
});

void test('a round trip through the login node: the job runs as the login, the experiment comes home', async () => {
  const { runs } = await target.submit(experimentRunRequest('queue', lr('0.45'), 'via-login'), {
    experiments: service,
  });
  const [run] = runs;
  assert.ok(run);
  const seen = await waitForRun(run, 180_000);
  assert.equal(seen.at(-1), 'succeeded', `${seen.join(' → ')}\n${await run.log.read()}\n${server?.log()}`);
  assert.match(await run.log.read(), /dvc-lens-done: via-login-\d+/);
  assert.deepEqual(await leftInWorkFolder(), []);
  await run.collect();
  assert.equal(findExperiment(await service.show(), run.experiment)?.params['params.yaml']?.lr, 0.45);
  const follow = run.log.followCommand();
  assert.equal(follow?.file, 'ssh');
  assert.equal(follow?.args.at(-1), `tail -n +1 -F -- ${login.workFolderThere}/dvc-lens-${run.id}.log`);
});

void test('cancel through the login node: scancel over ssh, cancelled, nothing left', async () => {
  const { runs } = await target.submit(
    experimentRunRequest('queue', [{ file: 'params.yaml', key: 'sleep', value: '120' }], 'halt'),
    { experiments: service },
  );
  const [run] = runs;
  assert.ok(run);
  const deadline = Date.now() + 180_000;
  while (!/training with lr/.test(await run.log.read())) {
    assert.ok(Date.now() < deadline, `the job never started training:\n${await run.log.read()}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await run.cancel();
  assert.equal(await run.state(), 'cancelled');
  assert.equal(await run.failedStep?.(), 'run');
  assert.deepEqual(await leftInWorkFolder(), []);
  assert.deepEqual(await processesMentioning(run.experiment), []);
});
