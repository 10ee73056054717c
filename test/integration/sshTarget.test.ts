/**
 * The SSH compute target against a real OpenSSH server on 127.0.0.1 (test/helpers/sshServer.ts), through the
 * system `ssh` with batch mode and host key checking against a known_hosts of the test's own, with real DVC
 * and git: a run round trip, and a cancel that leaves no process, clone or lock behind. The login (a throwaway account when root) is prepared by test/helpers/sshLogin.ts.
 */
import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import { ProcessRunner } from '../../src/cli/runner';
import { findExperiment } from '../../src/core/experiments/experimentModel';
import {
  createRemoteTarget,
  experimentRunRequest,
  isFinishedRunState,
  type RemoteComputeTarget,
  type RemoteRunHandle,
} from '../../src/execution';
import { ExperimentsService } from '../../src/experiments/experimentsService';
import { git } from '../helpers/dvcEnvironment';
import { makeRemoteExperimentRepo, type RemoteExperimentRepo } from '../helpers/remoteExperimentRepo';
import { prepareSshLogin } from '../helpers/sshLogin';
import { startSshServer, type SshServer } from '../helpers/sshServer';
import { recordingDvcCli } from './cliFixtures';
import { processesMentioning, waitForRun } from './remoteRunChecks';

let server: SshServer | undefined;
let repo: RemoteExperimentRepo | undefined;
let service: ExperimentsService;
let target: RemoteComputeTarget;
/** The work folder as this machine sees it (the login's home, or a temp folder). */
let workFolderHere: string;
/** The same folder as the remote commands name it (`~/x` becomes `x`: they start in the login's home). */
let workFolderThere: string;
const submitted: RemoteRunHandle[] = [];

before(async () => {
  server = await startSshServer();
  repo = await makeRemoteExperimentRepo();
  const { cli, scheduler } = await recordingDvcCli(repo.home);
  service = new ExperimentsService(cli, scheduler, new GitCli(repo.home));

  const login = await prepareSshLogin(server, repo);
  workFolderHere = login.workFolderHere;
  workFolderThere = login.workFolderThere;
  target = createRemoteTarget(
    {
      kind: 'ssh',
      name: 'test host',
      workFolder: login.workFolder,
      dvcCommand: login.dvcCommand,
      ssh: login.connection,
    },
    { runner: new ProcessRunner() },
  );
});

after(async () => {
  try {
    // A run a failed test left behind ends by its own process group, before its account goes.
    for (const handle of submitted)
      if (!isFinishedRunState(await handle.state().catch(() => 'failed' as const)))
        await handle.cancel().catch(() => undefined);
  } finally {
    try {
      await server?.stop();
    } finally {
      await repo?.cleanup();
    }
  }
});

const override = (key: string, value: string): { file: string; key: string; value: string } => ({
  file: 'params.yaml',
  key,
  value,
});

async function leftInWorkFolder(): Promise<string[]> {
  return (await readdir(workFolderHere)).filter((name) => !/\.(log|state|pid|sh)$/.test(name));
}

async function remoteExperimentRefs(): Promise<string> {
  return git(repo?.home ?? '.', ['ls-remote', 'origin', 'refs/exps/*']);
}

void test('test(): reaches the host over ssh and finds git and DVC with their versions', async () => {
  const check = await target.test();
  assert.equal(check.ok, true, `${check.lines.join('\n')}\n${server?.log()}`);
  assert.match(check.lines.join('\n'), /^Reached .+ \(.+@127\.0\.0\.1:\d+\)$/m);
  assert.match(check.lines.join('\n'), /^dvc: 3\.67\.1$/m);
});

void test('an unknown host key is refused, not accepted: batch mode, no prompt', async () => {
  const stranger = createRemoteTarget(
    {
      kind: 'ssh',
      name: 'stranger',
      workFolder: '/tmp',
      ssh: {
        host: '127.0.0.1',
        port: server?.port,
        user: server?.user,
        identityFile: server?.keyFile,
        configFile: join(repo?.dir ?? '.', 'empty_ssh_config'),
      },
    },
    { runner: new ProcessRunner() },
  );
  await writeFile(
    join(repo?.dir ?? '.', 'empty_ssh_config'),
    `Host *\n  UserKnownHostsFile ${join(repo?.dir ?? '.', 'no_known_hosts')}\n  GlobalKnownHostsFile /dev/null\n`,
  );
  const check = await stranger.test();
  assert.equal(check.ok, false);
  assert.match(check.lines.join('\n'), /Host key verification failed/);
});

void test('one run round trip over ssh: running, succeeded, collected, listed under its baseline', async () => {
  const { runs } = await target.submit(experimentRunRequest('queue', [override('lr', '0.25')], 'far'), {
    experiments: service,
  });
  submitted.push(...runs);
  const [handle] = runs;
  assert.ok(handle);
  assert.equal(handle.experiment, `far-${handle.id}`);
  const seen = await waitForRun(handle, 120_000);
  assert.equal(seen.at(-1), 'succeeded', `${seen.join(' → ')}\n${await handle.log.read()}`);
  assert.match(await handle.log.read(), /dvc-lens-step: run[\s\S]*dvc-lens-done: far-/);
  assert.deepEqual(await leftInWorkFolder(), []);
  await handle.collect();
  const row = findExperiment(await service.show(), handle.experiment);
  assert.ok(row, `dvc exp show lists ${handle.experiment}`);
  assert.equal(row.params['params.yaml']?.lr, 0.25);
  assert.equal(typeof row.metrics['metrics.json']?.loss, 'number');
  const follow = handle.log.followCommand();
  assert.equal(follow?.file, 'ssh');
  assert.deepEqual(follow?.args.slice(-1), [`tail -n +1 -F -- ${workFolderThere}/dvc-lens-${handle.id}.log`]);
});

void test('cancel over ssh: cancelled, the process group gone, no clone (nor its lock), nothing pushed', async () => {
  const { runs } = await target.submit(experimentRunRequest('queue', [override('sleep', '120')], 'halt'), {
    experiments: service,
  });
  submitted.push(...runs);
  const [handle] = runs;
  assert.ok(handle);
  const deadline = Date.now() + 120_000;
  while (!/training with lr/.test(await handle.log.read())) {
    assert.ok(Date.now() < deadline, `the run never started training:\n${await handle.log.read()}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  assert.equal(await handle.state(), 'running');
  await handle.cancel();
  assert.equal(await handle.state(), 'cancelled');
  assert.equal(await handle.failedStep?.(), 'run');
  assert.deepEqual(await leftInWorkFolder(), []);
  assert.deepEqual(await processesMentioning(`dvc-lens-${handle.id}`), []);
  assert.deepEqual(await processesMentioning(handle.experiment), []);
  assert.doesNotMatch(await remoteExperimentRefs(), new RegExp(`/${handle.experiment}$`, 'm'));
});
