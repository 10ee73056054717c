/**
 * Bringing data in with the real DVC, from a local HTTP server started here (127.0.0.1, a random port):
 * import-url and get-url write the served bytes, a 404 or a closed port rejects and leaves nothing behind, a
 * cancelled download leaves no temporary file, update fetches the new bytes, and import copies from another
 * DVC repository. Garbage collection through DataService removes only unreferenced cache objects.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { access, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import { DataService } from '../../src/data/dataService';
import { DataImportError, ImportService } from '../../src/data/importService';
import { dvc, git, gitIdentityArgs, makeDvcRepo } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

let served = 'id,value\n1,alpha\n2,beta\n';
let server: Server;
let base = '';

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

function startServer(): Promise<void> {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    if (path.startsWith('/data/')) {
      const body = Buffer.from(served);
      // DVC decides whether an import changed from the ETag (or size); both change with the content.
      response.writeHead(200, {
        'Content-Length': body.length,
        ETag: `"${createHash('md5').update(body).digest('hex')}"`,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    if (path.startsWith('/slow/')) {
      response.writeHead(200, { 'Content-Length': 1_000_000, ETag: '"slow"' });
      if (request.method === 'HEAD') return void response.end();
      // Trickles bytes until the client goes away, so a download is still running when it is cancelled.
      const timer = setInterval(() => response.write(Buffer.alloc(100, 120)), 200);
      const stop = (): void => clearInterval(timer);
      response.on('close', stop);
      setTimeout(() => {
        stop();
        response.destroy();
      }, 30_000).unref();
      return;
    }
    response.writeHead(404, { 'Content-Length': 0 });
    response.end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve();
    }),
  );
}

async function newRepo(): Promise<{ root: string; imports: ImportService; cleanup: () => Promise<void> }> {
  const repo = await makeDvcRepo();
  const { cli, scheduler } = await recordingDvcCli(repo.dir);
  return { root: repo.dir, imports: new ImportService(cli, scheduler), cleanup: repo.cleanup };
}

/** A port nothing listens on: one the OS just gave us and took back. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

void describe('bringing data in', () => {
  before(startServer);
  after(() => new Promise((resolve) => server.close(resolve)));

  void test('import-url writes the served bytes and a .dvc file; update fetches the new bytes', async () => {
    const { root, imports, cleanup } = await newRepo();
    try {
      served = 'id,value\n1,alpha\n2,beta\n';
      const result = await imports.importUrl(`${base}/data/table.csv`, 'data/table.csv');
      assert.deepEqual(result, { out: 'data/table.csv', dvcFile: 'data/table.csv.dvc' });
      assert.equal(await readFile(join(root, 'data', 'table.csv'), 'utf8'), served);
      assert.match(await readFile(join(root, 'data', 'table.csv.dvc'), 'utf8'), /\/data\/table\.csv/);
      assert.match(await readFile(join(root, 'data', '.gitignore'), 'utf8'), /^\/table\.csv$/m);

      served = 'id,value\n1,alpha\n2,beta\n3,gamma\n';
      await imports.update('data/table.csv.dvc');
      assert.equal(await readFile(join(root, 'data', 'table.csv'), 'utf8'), served);
    } finally {
      await cleanup();
    }
  });

  void test('get-url downloads once, with no .dvc file', async () => {
    const { root, imports, cleanup } = await newRepo();
    try {
      const result = await imports.getUrl(`${base}/data/once.csv`, 'once.csv');
      assert.equal(result.dvcFile, undefined);
      assert.equal(await readFile(join(root, 'once.csv'), 'utf8'), served);
      assert.equal(await exists(join(root, 'once.csv.dvc')), false);
    } finally {
      await cleanup();
    }
  });

  void test('a 404, a closed port or a cancelled download reject and leave nothing behind', async () => {
    const { root, imports, cleanup } = await newRepo();
    try {
      await writeFile(join(root, '.gitignore'), '/keep-me\n');
      const before = (await readdir(root)).sort();
      const port = await closedPort();
      const attempts: Array<[string, () => Promise<unknown>]> = [
        ['import-url 404', () => imports.importUrl(`${base}/nothing/here.csv`, 'here.csv')],
        ['get-url 404', () => imports.getUrl(`${base}/nothing/here.csv`, 'here.csv')],
        ['import-url closed port', () => imports.importUrl(`http://127.0.0.1:${port}/x.csv`, 'x.csv')],
        ['import-url into a new folder', () => imports.importUrl(`${base}/nothing/y.csv`, 'fresh/sub/y.csv')],
      ];
      for (const [what, attempt] of attempts) {
        await assert.rejects(attempt, (error: unknown) => {
          assert.ok(error instanceof DataImportError, what);
          assert.match(error.message, /failed: .*does not exist/, what);
          return true;
        });
        assert.deepEqual((await readdir(root)).sort(), before, `${what}: no file left`);
        assert.equal(await readFile(join(root, '.gitignore'), 'utf8'), '/keep-me\n', what);
      }

      const controller = new AbortController();
      const lines: string[] = [];
      const slow = imports.importUrl(`${base}/slow/big.bin`, 'big.bin', {
        signal: controller.signal,
        onOutput: (line) => {
          lines.push(line);
          // Cancel once DVC is downloading (it names the import first).
          if (/Importing/.test(line)) setTimeout(() => controller.abort(), 1500);
        },
      });
      await assert.rejects(slow, (error: unknown) => error instanceof DataImportError && error.cancelled);
      assert.deepEqual((await readdir(root)).sort(), before, 'cancelled: no output, .dvc or .tmp file left');
      assert.equal(await readFile(join(root, '.gitignore'), 'utf8'), '/keep-me\n');
    } finally {
      await cleanup();
    }
  });

  void test('an existing file is never replaced or removed', async () => {
    const { root, imports, cleanup } = await newRepo();
    try {
      await writeFile(join(root, 'mine.csv'), 'my own data\n');
      await assert.rejects(imports.importUrl(`${base}/data/t.csv`, 'mine.csv'), /already exists/);
      await assert.rejects(imports.getUrl(`${base}/nothing/t.csv`, 'mine.csv'), /already exists/);
      assert.equal(await readFile(join(root, 'mine.csv'), 'utf8'), 'my own data\n');
    } finally {
      await cleanup();
    }
  });

  void test('import copies data from another DVC repository', async () => {
    const source = await makeDvcRepo();
    const { root, imports, cleanup } = await newRepo();
    try {
      await writeFile(join(source.dir, 'shared.txt'), 'shared bytes\n');
      await dvc(source.dir, ['add', '-q', 'shared.txt']);
      await git(source.dir, ['add', '-A']);
      await git(source.dir, [...gitIdentityArgs, 'commit', '-q', '-m', 'shared']);
      const result = await imports.importFromRepository(source.dir, 'shared.txt', 'copied.txt');
      assert.equal(result.dvcFile, 'copied.txt.dvc');
      assert.equal(await readFile(join(root, 'copied.txt'), 'utf8'), 'shared bytes\n');
      assert.match(await readFile(join(root, 'copied.txt.dvc'), 'utf8'), /repo:/);
    } finally {
      await cleanup();
      await source.cleanup();
    }
  });

  void test('gc --workspace removes an unreferenced object and keeps a referenced one', async () => {
    const repo = await makeDvcRepo();
    try {
      const root = repo.dir;
      await writeFile(join(root, 'kept.txt'), 'still referenced\n');
      await writeFile(join(root, 'dropped.txt'), 'no longer referenced\n');
      const { cli, scheduler } = await recordingDvcCli(root);
      const data = new DataService(cli, scheduler, new GitCli(root));
      await data.track(['kept.txt', 'dropped.txt']);
      const object = (text: string): string => {
        const md5 = createHash('md5').update(text).digest('hex');
        return join(root, '.dvc', 'cache', 'files', 'md5', md5.slice(0, 2), md5.slice(2));
      };
      assert.ok(await exists(object('no longer referenced\n')));
      await rm(join(root, 'dropped.txt.dvc'));
      const summary = await data.gc({ scope: 'workspace' });
      assert.equal(summary.removedFromCache, 1);
      assert.equal(await exists(object('no longer referenced\n')), false);
      assert.ok(await exists(object('still referenced\n')));
    } finally {
      await repo.cleanup();
    }
  });
});
