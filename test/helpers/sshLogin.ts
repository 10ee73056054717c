/**
 * A login on the tests' OpenSSH server (test/helpers/sshServer.ts) set up for remote experiment runs: the
 * system `ssh` with host key checking against a known_hosts of the test's own, a DVC the login can run, and
 * access to the test repository's git and DVC remotes.
 *
 * As root the login is a throwaway account: it gets a copy of the pinned DVC venv in the test's folder, write
 * access to the test's remotes, and (in its own home, removed with it) a git config that trusts repositories
 * of other owners, which git and libgit2 refuse otherwise ("dubious ownership"). Nothing outside the test's
 * own folders and account changes.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { SshConnection } from '../../src/core/execution/computeTargetSettings';
import { dvcForOtherAccounts } from './dvcForOtherAccounts';
import { pinnedDvcPath } from './dvcEnvironment';
import type { RemoteExperimentRepo } from './remoteExperimentRepo';
import type { SshServer } from './sshServer';

const run = promisify(execFile);

export interface SshLogin {
  readonly connection: SshConnection;
  /** The `dvc` the login runs. */
  readonly dvcCommand: string;
  /** The work folder as the target's setting names it (`~/…` for a throwaway account). */
  readonly workFolder: string;
  /** The same folder as this machine sees it. */
  readonly workFolderHere: string;
  /** The same folder as remote commands name it (they start in the login's home: `~/x` is `x`). */
  readonly workFolderThere: string;
}

export async function prepareSshLogin(server: SshServer, repo: RemoteExperimentRepo): Promise<SshLogin> {
  const hostKey = await readFile(join(dirname(server.keyFile), 'host_ed25519_key.pub'), 'utf8');
  const knownHosts = join(repo.dir, 'known_hosts');
  await writeFile(knownHosts, `[127.0.0.1]:${server.port} ${hostKey}`);
  const configFile = join(repo.dir, 'ssh_config');
  await writeFile(
    configFile,
    [
      'Host *',
      `  UserKnownHostsFile ${knownHosts}`,
      '  GlobalKnownHostsFile /dev/null',
      '  StrictHostKeyChecking yes',
      '',
    ].join('\n'),
  );
  const connection: SshConnection = {
    host: '127.0.0.1',
    port: server.port,
    user: server.user,
    identityFile: server.keyFile,
    configFile,
  };
  if (!server.throwawayUser) {
    const workFolderHere = join(repo.dir, 'runs');
    await mkdir(workFolderHere);
    await chmod(workFolderHere, 0o755);
    return {
      connection,
      dvcCommand: await pinnedDvcPath(),
      workFolder: workFolderHere,
      workFolderHere,
      workFolderThere: workFolderHere,
    };
  }
  const dvcCommand = await dvcForOtherAccounts(repo.dir);
  // The login pushes its experiment to the test's remotes (this machine's side stays their owner).
  await run('chmod', ['-R', 'a+rwX', repo.origin, repo.store]);
  const { stdout } = await run('getent', ['passwd', server.user]);
  const loginHome = stdout.trim().split(':')[5] ?? '';
  await writeFile(join(loginHome, '.gitconfig'), '[safe]\n\tdirectory = *\n', { mode: 0o644 });
  return {
    connection,
    dvcCommand,
    workFolder: '~/dvc-lens-runs',
    workFolderHere: join(loginHome, 'dvc-lens-runs'),
    workFolderThere: 'dvc-lens-runs',
  };
}
