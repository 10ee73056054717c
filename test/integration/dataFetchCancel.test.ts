/**
 * `dvc fetch` and cancelling a transfer, with the real DVC. Fetch fills an emptied cache from the remote and
 * leaves the workspace alone (a checkout then restores the file offline). A fetch from an HTTP remote that
 * accepts the request and never answers is cancelled: the whole process tree goes, DVC's repository lock is
 * free, and the next DVC write works.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { GitCli } from '../../src/cli/gitCli';
import { isProcessError } from '../../src/cli/processError';
import { listProcessTree } from '../../src/cli/processTree';
import { DataService } from '../../src/data/dataService';
import { dvc, makeDvcRepo, makeTempDir, pinnedDvcPath } from '../helpers/dvcEnvironment';
import { recordingDvcCli, runningOf, waitFor } from './cliFixtures';

const run = promisify(execFile);

/** Whether DVC's repository lock is free, asked with DVC's own lock library (zc.lockfile, as dvc/lock.py). */
async function repositoryLockIsFree(repo: string): Promise<boolean> {
  const python = join(dirname(await pinnedDvcPath()), 'python');
  const script =
    'import sys, zc.lockfile\ntry:\n  zc.lockfile.LockFile(sys.argv[1]).close()\nexcept zc.lockfile.LockError:\n  sys.exit(3)';
  try {
    await run(python, ['-c', script, join(repo, '.dvc', 'tmp', 'lock')]);
    return true;
  } catch {
    return false;
  }
}

/** Every process this test started (DVC and what it spawned), by parent link from the test's own process. */
async function childTrees(): Promise<number[]> {
  const { stdout } = await run('ps', ['-o', 'pid=', '--ppid', String(process.pid)]).catch(() => ({
    stdout: '',
  }));
  const children = stdout
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 1);
  const trees = await Promise.all(children.map((pid) => listProcessTree(pid)));
  // `ps` itself was a child while it ran: only what still runs counts.
  return runningOf(trees.flat());
}

async function cacheFiles(repo: string): Promise<string[]> {
  const entries = await readdir(join(repo, '.dvc', 'cache'), { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

async function dataService(root: string): Promise<DataService> {
  const { cli, scheduler } = await recordingDvcCli(root);
  return new DataService(cli, scheduler, new GitCli(root));
}

void test('fetch fills the emptied cache from the remote and leaves the workspace alone', async () => {
  const repo = await makeDvcRepo();
  const remote = await makeTempDir('dvc-lens-remote-');
  try {
    const root = repo.dir;
    const data = await dataService(root);
    await writeFile(join(root, 'table.csv'), 'id,value\n1,0.5\n2,0.25\n');
    await data.track(['table.csv']);
    await dvc(root, ['remote', 'add', '-d', 'store', remote.dir]);
    await data.push();
    await rm(join(root, '.dvc', 'cache'), { recursive: true, force: true });
    await rm(join(root, 'table.csv'));

    const summary = await data.fetch();
    assert.equal(summary.fetched, 1);
    assert.equal((await cacheFiles(root)).length, 1, 'the object is in the cache again');
    await assert.rejects(readFile(join(root, 'table.csv')), 'fetch does not check out');
    // Offline from here: the remote is gone, the cache alone restores the file.
    await remote.cleanup();
    await dvc(root, ['checkout', '-q']);
    assert.equal(await readFile(join(root, 'table.csv'), 'utf8'), 'id,value\n1,0.5\n2,0.25\n');
  } finally {
    await remote.cleanup();
    await repo.cleanup();
  }
});

void test('cancelling a fetch that hangs on its remote kills the process tree and leaves no lock', async () => {
  const repo = await makeDvcRepo();
  const requests: string[] = [];
  // An HTTP remote that takes each request and never answers: DVC waits in the middle of the transfer.
  const server: Server = createServer((request) => requests.push(request.url ?? ''));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const root = repo.dir;
    const data = await dataService(root);
    await writeFile(join(root, 'table.csv'), 'id,value\n1,0.5\n');
    await data.track(['table.csv']);
    const { port } = server.address() as AddressInfo;
    await dvc(root, ['remote', 'add', '-d', 'slow', `http://127.0.0.1:${port}/store`]);
    await rm(join(root, '.dvc', 'cache'), { recursive: true, force: true });

    // tsx's esbuild service is a child too: only what the fetch starts counts.
    const before = new Set(await childTrees());
    const controller = new AbortController();
    const fetching = data.fetch({ signal: controller.signal }).then(
      () => undefined,
      (error: unknown) => error,
    );
    await waitFor(
      () => Promise.resolve(requests.length > 0 ? true : undefined),
      'DVC asking the remote',
      60_000,
    );
    const tree = (await childTrees()).filter((pid) => !before.has(pid));
    assert.ok(tree.length > 0, 'DVC runs under the test');
    controller.abort();
    const error = await fetching;

    assert.ok(isProcessError(error, 'cancelled'), String(error));
    assert.deepEqual(await runningOf(tree), [], 'no process of the fetch survives');
    assert.ok(await repositoryLockIsFree(root), "DVC's repository lock is free");
    // The next write takes the lock and works.
    await writeFile(join(root, 'more.csv'), 'a\n1\n');
    await data.track(['more.csv']);
    assert.match(await readFile(join(root, 'more.csv.dvc'), 'utf8'), /md5: /);
    assert.doesNotMatch(await dvc(root, ['status', '--json']), /more\.csv/, 'more.csv is tracked and cached');
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await repo.cleanup();
  }
});
