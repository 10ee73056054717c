/**
 * Experiments shared through a git remote reached over ssh (a bare repository served by the tests' real
 * OpenSSH server, test/helpers/sshServer.ts): `exp push` from one clone, a fresh `git clone` over ssh,
 * `exp pull` and `exp branch` there, the experiment's outputs coming from the DVC remote both share.
 *
 * DVC talks to an ssh git remote through dulwich, which runs the system `ssh` only when GIT_SSH_COMMAND is
 * set, and then with `core.sshCommand` of the global git config (not the repository's). So this test's own
 * process points both at an ssh config of its own (known_hosts, key, batch mode): nothing of ~/.ssh or
 * ~/.gitconfig is read or changed. As root the login is a throwaway account, which gets write access to this
 * test's bare repository only and, in its own home (removed with it), a git config that trusts it.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { GitCli } from '../../src/cli/gitCli';
import { findExperiment } from '../../src/core/experiments/experimentModel';
import { ExperimentsService } from '../../src/experiments/experimentsService';
import { dvc, git, makeDemoRepo, makeTempDir, testEnv } from '../helpers/dvcEnvironment';
import { startSshServer, type SshServer } from '../helpers/sshServer';
import { recordingDvcCli } from './cliFixtures';

const run = promisify(execFile);
type TempDir = { dir: string; cleanup: () => Promise<void> };

let server: SshServer | undefined;
let repo: TempDir | undefined;
let elsewhere: TempDir | undefined;
let service: ExperimentsService;
let bare = '';
let remoteUrl = '';
/** The model exp-ssh trained, as its run left it in the workspace. */
let trainedModel = '';
const savedEnv = {
  GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND,
  GIT_CONFIG_GLOBAL: process.env.GIT_CONFIG_GLOBAL,
};

/** git with this test's ssh set-up (the shared `git` helper took its environment before it existed). */
async function sshGit(cwd: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run('git', [...args], {
    cwd,
    env: { ...testEnv, ...sshEnvironment() },
    maxBuffer: 1 << 26,
  });
  return stdout;
}

/** How many logins sshd accepted so far: proof that a step went over ssh, not around it. */
function sshLogins(): number {
  return server?.log().match(/Accepted publickey for /g)?.length ?? 0;
}

function sshEnvironment(): Record<string, string> {
  return {
    GIT_SSH_COMMAND: process.env.GIT_SSH_COMMAND ?? '',
    GIT_CONFIG_GLOBAL: process.env.GIT_CONFIG_GLOBAL ?? '',
  };
}

async function experimentsOf(dir: string): Promise<ExperimentsService> {
  await git(dir, ['config', 'user.name', 'DVC Lens Test']);
  await git(dir, ['config', 'user.email', 'test@dvc-lens.invalid']);
  const { cli, scheduler } = await recordingDvcCli(dir);
  return new ExperimentsService(cli, scheduler, new GitCli(dir));
}

/** An ssh client set-up of the test's own: host key pinned, the server's client key, never a prompt. */
async function useSshOfOurOwn(ssh: SshServer, folder: string): Promise<void> {
  const hostKey = await readFile(join(dirname(ssh.keyFile), 'host_ed25519_key.pub'), 'utf8');
  const knownHosts = join(folder, 'known_hosts');
  await writeFile(knownHosts, `[127.0.0.1]:${ssh.port} ${hostKey}`);
  const sshConfig = join(folder, 'ssh_config');
  await writeFile(
    sshConfig,
    [
      'Host *',
      `  UserKnownHostsFile ${knownHosts}`,
      '  GlobalKnownHostsFile /dev/null',
      '  StrictHostKeyChecking yes',
      `  IdentityFile ${ssh.keyFile}`,
      '  IdentitiesOnly yes',
      '  BatchMode yes',
      '',
    ].join('\n'),
  );
  const command = `ssh -F ${sshConfig}`;
  const gitConfig = join(folder, 'gitconfig');
  await writeFile(gitConfig, `[core]\n\tsshCommand = ${command}\n`);
  process.env.GIT_SSH_COMMAND = command;
  process.env.GIT_CONFIG_GLOBAL = gitConfig;
}

/** As root: the throwaway login may write the bare repository and trusts it although root owns it. */
async function letTheLoginIn(ssh: SshServer, folder: string, bareRepo: string): Promise<void> {
  if (!ssh.throwawayUser) return;
  await chmod(folder, 0o755);
  await run('chmod', ['-R', 'a+rwX', bareRepo]);
  const { stdout } = await run('getent', ['passwd', ssh.user]);
  const loginHome = stdout.trim().split(':')[5] ?? '';
  await writeFile(join(loginHome, '.gitconfig'), '[safe]\n\tdirectory = *\n', { mode: 0o644 });
}

before(async () => {
  server = await startSshServer();
  repo = await makeDemoRepo({ repro: true });
  elsewhere = await makeTempDir('dvc-lens-exp-ssh-');
  await useSshOfOurOwn(server, elsewhere.dir);
  service = await experimentsOf(repo.dir);
  bare = join(elsewhere.dir, 'team.git');
  await git(elsewhere.dir, ['init', '-q', '--bare', '-b', 'main', bare]);
  await letTheLoginIn(server, elsewhere.dir, bare);
  remoteUrl = `ssh://${server.user}@127.0.0.1:${server.port}${bare}`;
  await git(repo.dir, ['remote', 'add', 'origin', remoteUrl]);
  await dvc(repo.dir, ['remote', 'add', '-d', 'store', join(elsewhere.dir, 'dvc-store')]);
  await git(repo.dir, ['commit', '-q', '-am', 'DVC remote']);
  await dvc(repo.dir, ['push', '-q']);
  await sshGit(repo.dir, ['push', '-q', 'origin', 'main']);
});

after(async () => {
  process.env.GIT_SSH_COMMAND = savedEnv.GIT_SSH_COMMAND;
  process.env.GIT_CONFIG_GLOBAL = savedEnv.GIT_CONFIG_GLOBAL;
  if (savedEnv.GIT_SSH_COMMAND === undefined) delete process.env.GIT_SSH_COMMAND;
  if (savedEnv.GIT_CONFIG_GLOBAL === undefined) delete process.env.GIT_CONFIG_GLOBAL;
  try {
    await server?.stop();
  } finally {
    try {
      await repo?.cleanup();
    } finally {
      await elsewhere?.cleanup();
    }
  }
});

void test('exp push over ssh, exp pull into a fresh clone over ssh, exp branch there: params and outputs arrive', async () => {
  await service.run([{ file: 'params.yaml', key: 'train.learning_rate', value: '0.7' }], { name: 'exp-ssh' });
  trainedModel = await readFile(join(repo?.dir ?? '.', 'model', 'model.json'), 'utf8');

  const loginsBeforePush = sshLogins();
  await service.push('origin', ['exp-ssh']);
  assert.ok(sshLogins() > loginsBeforePush, 'exp push logged in over ssh');
  const refs = await git(bare, ['for-each-ref', '--format=%(refname)', 'refs/exps']);
  assert.match(refs, /\/exp-ssh$/m, `the experiment ref is on the ssh remote\n${server?.log()}`);

  const clone = join(elsewhere?.dir ?? '.', 'clone');
  await sshGit(elsewhere?.dir ?? '.', ['clone', '-q', remoteUrl, clone]);
  const other = await experimentsOf(clone);
  assert.equal(findExperiment(await other.show(), 'exp-ssh'), undefined, 'not there before the pull');
  const loginsBeforePull = sshLogins();
  await other.pull('origin', ['exp-ssh']);
  assert.ok(sshLogins() > loginsBeforePull, 'exp pull logged in over ssh');
  const pulled = findExperiment(await other.show(), 'exp-ssh');
  assert.ok(pulled, 'exp-ssh is listed in the clone');
  assert.equal(pulled.params['params.yaml']?.['train.learning_rate'], 0.7);

  await other.branch('exp-ssh', 'from-exp-ssh');
  const params = parse(await git(clone, ['show', 'from-exp-ssh:params.yaml'])) as {
    train: { learning_rate: number };
  };
  assert.equal(params.train.learning_rate, 0.7);
  // Its outputs came along from the DVC remote: applying it in the clone restores the trained model.
  await other.apply('exp-ssh');
  assert.equal(await readFile(join(clone, 'model', 'model.json'), 'utf8'), trainedModel);
});
