/**
 * A real OpenSSH server for integration tests: Debian's sshd (scripts/ensure-sshd.sh installs it), started in
 * the foreground on 127.0.0.1 with a throwaway host key, client key and config in a temp folder, and stopped by
 * its own pid. Nothing of the machine's ssh setup is used (no /etc/ssh config, no system sshd, no ~/.ssh).
 *
 * When the tests run as root, logins go to a throwaway account (`useradd`, removed with `userdel -r` on stop),
 * so root never logs in over ssh. Otherwise the current user logs in with the throwaway key (a non-root sshd
 * can only accept logins of the user it runs as).
 */
import { execFile, spawn, type ChildProcessByStdio } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = resolve(__dirname, '..', '..');
const isRoot = process.getuid?.() === 0;

export interface SshServer {
  readonly port: number;
  /** The account that logs in: a throwaway one when root, else the current user. */
  readonly user: string;
  readonly throwawayUser: boolean;
  /** The client's private key (no passphrase); its public half is the only authorized key. */
  readonly keyFile: string;
  /** An empty folder the login user owns, for a DVC remote. */
  readonly remoteDir: string;
  readonly pid: number;
  /** What sshd printed so far (`-e`: its log goes to stderr), for failure messages. */
  log(): string;
  /** Stops sshd by its pid, waits for it to exit, removes the throwaway user and the temp folder. */
  stop(): Promise<void>;
}

let sshdPathPromise: Promise<string> | undefined;

/** The sshd executable: DVC_LENS_SSHD, or whatever scripts/ensure-sshd.sh installs or finds. */
export function sshdPath(): Promise<string> {
  sshdPathPromise ??= process.env.DVC_LENS_SSHD
    ? Promise.resolve(process.env.DVC_LENS_SSHD)
    : run('bash', [join(repoRoot, 'scripts', 'ensure-sshd.sh')], { maxBuffer: 1 << 24 }).then(
        (result) => result.stdout.trim(),
        (error: { stderr?: string; message: string }) => {
          throw new Error(
            `This test needs OpenSSH's sshd and scripts/ensure-sshd.sh could not provide it: ${error.stderr?.trim() || error.message}`,
          );
        },
      );
  return sshdPathPromise;
}

/** A TCP port nothing listens on right now (the kernel picks it; closed again at once). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function keygen(file: string, comment: string): Promise<void> {
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', file]);
}

function sshdConfig(
  dir: string,
  port: number,
  user: string,
  env: Readonly<Record<string, string>> = {},
): string {
  return [
    'ListenAddress 127.0.0.1',
    `Port ${port}`,
    `HostKey ${join(dir, 'host_ed25519_key')}`,
    `PidFile ${join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
    `AllowUsers ${user}`,
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    // The temp folder is not laid out the way StrictModes wants (it checks owners and modes up to /).
    'StrictModes no',
    isRoot ? 'PermitRootLogin no' : 'PermitRootLogin prohibit-password',
    // In-process SFTP: no dependency on where Debian puts sftp-server.
    'Subsystem sftp internal-sftp',
    'LogLevel VERBOSE',
    // Environment for every session (a test cluster's SLURM_CONF for a login node).
    ...Object.entries(env).map(([name, value]) => `SetEnv ${name}=${value}`),
    '',
  ].join('\n');
}

async function addThrowawayUser(): Promise<{ name: string; uid: number; gid: number }> {
  const name = `dvclens${randomBytes(4).toString('hex')}`;
  // `-p '*'`: no password, yet not "locked" ('!'), which sshd without PAM would refuse even for key logins.
  await run('useradd', ['--create-home', '--shell', '/bin/sh', '--password', '*', name]);
  const { stdout } = await run('id', ['-u', name]);
  const { stdout: group } = await run('id', ['-g', name]);
  return { name, uid: Number(stdout.trim()), gid: Number(group.trim()) };
}

async function removeThrowawayUser(name: string): Promise<void> {
  // Sessions of the user may need a moment to end after DVC disconnected; userdel refuses while they run.
  for (let attempt = 0; ; attempt++) {
    try {
      await run('userdel', ['--remove', name]);
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolveWait) => setTimeout(resolveWait, 250));
    }
  }
}

/** `env`: variables every session gets (sshd's SetEnv), e.g. a test cluster's `SLURM_CONF`. */
export async function startSshServer(
  options: { readonly env?: Readonly<Record<string, string>> } = {},
): Promise<SshServer> {
  const sshd = await sshdPath();
  const dir = await mkdtemp(join(tmpdir(), 'dvc-lens-sshd-'));
  let account: { name: string; uid: number; gid: number } | undefined;
  let child: ChildProcessByStdio<null, Readable, Readable> | undefined;
  try {
    // sshd reads the authorized keys as the login user, and the remote folder lives here too: let it in.
    await chmod(dir, 0o755);
    await keygen(join(dir, 'host_ed25519_key'), 'dvc-lens-test-host');
    await keygen(join(dir, 'client_key'), 'dvc-lens-test-client');
    await writeFile(join(dir, 'authorized_keys'), await readFile(join(dir, 'client_key.pub')), {
      mode: 0o644,
    });
    const remoteDir = join(dir, 'store');
    await mkdir(remoteDir);
    if (isRoot) {
      account = await addThrowawayUser();
      await chown(remoteDir, account.uid, account.gid);
      // Debian's package creates the privilege separation folder only through its init scripts.
      await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
    }
    const user = account?.name ?? userInfo().username;
    const port = await freePort();
    const configFile = join(dir, 'sshd_config');
    await writeFile(configFile, sshdConfig(dir, port, user, options.env));

    child = spawn(sshd, ['-D', '-e', '-f', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const started = child;
    const exited = new Promise<void>((resolveExit) => started.once('exit', () => resolveExit()));
    await new Promise<void>((resolveReady, reject) => {
      const timer = setTimeout(() => reject(new Error(`sshd did not start within 10 s:\n${log}`)), 10_000);
      const onData = (chunk: Buffer): void => {
        log += chunk.toString();
        if (log.includes(`Server listening on 127.0.0.1 port ${port}`)) {
          clearTimeout(timer);
          resolveReady();
        }
      };
      started.stdout.on('data', onData);
      started.stderr.on('data', onData);
      started.once('error', (error) => {
        clearTimeout(timer);
        reject(
          new Error(
            `This test needs OpenSSH's sshd; ${sshd} could not be started (${error.message}). Run scripts/ensure-sshd.sh as root or set DVC_LENS_SSHD.`,
          ),
        );
      });
      started.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`sshd exited (${code ?? signal ?? '?'}) before listening:\n${log}`));
      });
    });
    const pid = started.pid;
    // Never fall back to 0: process.kill(0) would signal our own process group.
    if (pid === undefined) throw new Error('sshd is listening but has no pid');
    const name = account?.name;
    return {
      port,
      user,
      throwawayUser: name !== undefined,
      keyFile: join(dir, 'client_key'),
      remoteDir,
      pid,
      log: () => log,
      async stop() {
        try {
          if (started.exitCode === null && started.signalCode === null) {
            process.kill(pid, 'SIGTERM');
            const timeout = setTimeout(() => process.kill(pid, 'SIGKILL'), 5000);
            await exited;
            clearTimeout(timeout);
          }
          if (name !== undefined) await removeThrowawayUser(name);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const stopped = new Promise((resolveExit) => child?.once('exit', resolveExit));
      process.kill(child.pid, 'SIGKILL');
      await stopped;
    }
    if (account) await removeThrowawayUser(account.name).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
