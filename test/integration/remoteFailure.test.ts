/**
 * A push to a remote nobody answers, with the real DVC: DataService rejects with DataTransferError, and the
 * message built from DVC's output says the remote could not be reached, naming it and its URL.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import { DataService, DataTransferError } from '../../src/data/dataService';
import { RemotesService } from '../../src/data/remotesService';
import { transferFailureMessage } from '../../src/remotes/transferFailure';
import { makeDvcRepo } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

void test('a push to a closed port names the remote and its URL and loses nothing', async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  const repo = await makeDvcRepo();
  try {
    const root = repo.dir;
    await writeFile(join(root, 'data.csv'), 'a,b\n1,2\n');
    const { cli, scheduler } = await recordingDvcCli(root);
    const data = new DataService(cli, scheduler, new GitCli(root));
    const remotes = new RemotesService(cli, scheduler);
    await data.track(['data.csv']);
    const url = `http://127.0.0.1:${port}/store`;
    await remotes.add('web', url, { default: true });
    const error = await data.push().then(
      () => assert.fail('the push should fail'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof DataTransferError);
    assert.equal(error.summary.failed, 1);
    const [remote] = await remotes.list();
    const message = transferFailureMessage('push', `${error.cause.stderr}\n${error.cause.stdout}`, remote);
    assert.equal(message.kind, 'unreachable');
    assert.ok(message.text.includes(`could not reach remote 'web' (${url})`), message.text);
    assert.deepEqual(message.actions, ['Retry']);
    // Nothing lost: the data is still tracked and in the cache.
    assert.ok((await data.status()).entries.every((entry) => !entry.notInCache));
  } finally {
    await repo.cleanup();
  }
});
