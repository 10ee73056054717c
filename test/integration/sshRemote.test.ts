/**
 * Data through a real SSH remote: an OpenSSH server this test starts on 127.0.0.1 (test/helpers/sshServer.ts;
 * as root the login is a throwaway account, otherwise the current user with a throwaway key), DVC's dvc-ssh
 * plugin on the client side. RemotesService adds the remote and puts its `keyfile` into `.dvc/config.local`;
 * DataService tracks a file and a folder, push fills the remote over SFTP, and after the cache and workspace
 * copies are deleted, pull brings back the same bytes. A remote whose port is closed makes push fail with a
 * DataTransferError that says so, and the local cache keeps everything.
 *
 * Host keys: dvc-ssh 4.3.0 reaches asyncssh through sshfs, which passes `known_hosts=None` unless told
 * otherwise, and asyncssh then skips host key validation; DVC has no remote option to turn it on. So no
 * known_hosts file is needed, and none of ~/.ssh is touched.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import { DataService, DataTransferError } from '../../src/data/dataService';
import { RemotesService } from '../../src/data/remotesService';
import { makeDvcRepo } from '../helpers/dvcEnvironment';
import { freePort, startSshServer, type SshServer } from '../helpers/sshServer';
import { recordingDvcCli } from './cliFixtures';

async function sha256(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

async function filesBelow(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

const FILES = ['table.csv', 'shots/one.bin', 'shots/nested/two.txt'];

let server: SshServer | undefined;
let repo: { dir: string; cleanup: () => Promise<void> } | undefined;

before(async () => {
  server = await startSshServer();
  repo = await makeDvcRepo();
});

after(async () => {
  try {
    await server?.stop();
  } finally {
    await repo?.cleanup();
  }
});

void test('track, push over ssh, lose everything local, pull back identical bytes', async () => {
  assert.ok(server && repo);
  const root = repo.dir;
  await mkdir(join(root, 'shots', 'nested'), { recursive: true });
  await writeFile(join(root, 'table.csv'), 'id,value\n1,0.5\n2,0.25\n');
  await writeFile(join(root, 'shots', 'one.bin'), patternedBytes(64 * 1024));
  await writeFile(join(root, 'shots', 'nested', 'two.txt'), 'two '.repeat(5000));
  const originals = new Map<string, string>();
  for (const file of FILES) originals.set(file, await sha256(join(root, file)));

  const { cli, scheduler } = await recordingDvcCli(root);
  const data = new DataService(cli, scheduler, new GitCli(root));
  const remotes = new RemotesService(cli, scheduler);

  const url = `ssh://${server.user}@127.0.0.1:${server.port}${server.remoteDir}`;
  await remotes.add('box', url, { default: true });
  await remotes.modify('box', 'keyfile', server.keyFile);
  const config = await readFile(join(root, '.dvc', 'config'), 'utf8');
  const local = await readFile(join(root, '.dvc', 'config.local'), 'utf8');
  assert.match(config, /url = ssh:\/\//);
  assert.doesNotMatch(config, /keyfile/, 'the key path must not reach the committed config');
  assert.ok(local.includes(`keyfile = ${server.keyFile}`), local);

  assert.deepEqual((await data.track(['table.csv', 'shots'])).sort(), [
    '.gitignore',
    'shots.dvc',
    'table.csv.dvc',
  ]);

  const beforePush = await data.status({ notInRemote: true });
  assert.deepEqual(
    beforePush.entries.filter((entry) => entry.notInRemote).map((entry) => entry.path),
    ['shots', 'shots/nested/two.txt', 'shots/one.bin', 'table.csv'],
    server.log(),
  );

  const pushed = await data.push();
  assert.equal(pushed.pushed, 4, 'three files and the folder listing');
  assert.equal(pushed.failed, 0);
  // The bytes went through sshd into the login user's folder: DVC's remote layout, files/md5/<2>/<30>.
  assert.equal((await filesBelow(join(server.remoteDir, 'files', 'md5'))).length, 4);
  assert.equal((await data.push()).upToDate, true);
  const afterPush = await data.status({ notInRemote: true });
  assert.deepEqual(
    afterPush.entries.filter((entry) => entry.notInRemote),
    [],
  );

  await rm(join(root, '.dvc', 'cache'), { recursive: true, force: true });
  await rm(join(root, 'table.csv'));
  await rm(join(root, 'shots'), { recursive: true });
  assert.ok((await data.status()).entries.every((entry) => entry.notInCache));

  const pulled = await data.pull();
  assert.equal(pulled.fetched, 4);
  assert.equal(pulled.failed, 0);
  for (const file of FILES) assert.equal(await sha256(join(root, file)), originals.get(file), file);
  assert.ok(
    (await data.status()).entries.every((entry) => !entry.notInCache && entry.uncommitted === undefined),
  );
});

void test('push to an ssh remote whose port is closed fails with a DataTransferError and loses nothing', async () => {
  assert.ok(server && repo);
  const root = repo.dir;
  const { cli, scheduler } = await recordingDvcCli(root);
  const data = new DataService(cli, scheduler, new GitCli(root));
  const remotes = new RemotesService(cli, scheduler);

  await writeFile(join(root, 'late.txt'), 'added after the first push\n');
  await data.track(['late.txt']);
  const cacheBefore = (await filesBelow(join(root, '.dvc', 'cache'))).sort();
  assert.ok(cacheBefore.length >= 5);

  const closedPort = await freePort();
  await remotes.add('closed', `ssh://${server.user}@127.0.0.1:${closedPort}${server.remoteDir}`);
  await remotes.modify('closed', 'keyfile', server.keyFile);

  const failure = await data.push({ remote: 'closed' }).then(
    () => undefined,
    (error: unknown) => error,
  );
  assert.ok(failure instanceof DataTransferError, `expected a DataTransferError, got ${String(failure)}`);
  assert.equal(failure.kind, 'push');
  // DVC 3.67.1 with dvc-ssh: "ERROR: unexpected error - [Errno 111] Connect call failed ('127.0.0.1', <port>)".
  assert.match(failure.message, /Connect call failed|Connection refused/);
  assert.ok(failure.message.includes(String(closedPort)), failure.message);
  assert.deepEqual((await filesBelow(join(root, '.dvc', 'cache'))).sort(), cacheBefore);
  assert.equal(await readFile(join(root, 'late.txt'), 'utf8'), 'added after the first push\n');
});

function patternedBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let index = 0; index < size; index++) bytes[index] = (index * 7919 + 13) % 251;
  return bytes;
}
