import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTransferSummary } from '../../../src/core/data/transferSummary';
import { parseRemoteList } from '../../../src/core/data/remoteList';
import { isSecretOption } from '../../../src/data/remotesService';
import { fixtureText } from './dataFixtures';

void test('push, fetch and pull counts as DVC 3.67.1 prints them', () => {
  assert.equal(parseTransferSummary(fixtureText('push-output.txt')).pushed, 4);
  assert.equal(parseTransferSummary(fixtureText('push-output.txt')).upToDate, false);
  assert.equal(parseTransferSummary(fixtureText('fetch-output.txt')).fetched, 4);
  const pull = parseTransferSummary(fixtureText('pull-output.txt'));
  assert.equal(pull.fetched, 4);
  assert.equal(pull.added, 3);
  assert.equal(pull.failed, 0);
  assert.equal(parseTransferSummary('1 file fetched and 1 file added\n').added, 1);
  assert.equal(parseTransferSummary('1 file pushed\n').pushed, 1);
});

void test('nothing to do is up to date with zero counts', () => {
  for (const name of ['push-nothing-output.txt', 'pull-nothing-output.txt']) {
    const summary = parseTransferSummary(fixtureText(name));
    assert.equal(summary.upToDate, true, name);
    assert.equal(summary.pushed + summary.fetched + summary.added + summary.failed, 0, name);
  }
});

void test('a pull whose data is gone everywhere: missing hashes and the failed checkout', () => {
  const summary = parseTransferSummary(fixtureText('pull-failed-output.txt'));
  assert.equal(summary.missingHashes.length, 4);
  assert.ok(summary.missingHashes.includes('0e04c3e5b51733a4e26c912bad6623d7.dir'));
  assert.equal(summary.failed, 1);
  assert.equal(
    parseTransferSummary('ERROR: failed to push data to the cloud - 3 files failed to upload').failed,
    3,
  );
});

void test('dvc remote list with the default marked; the answer of dvc remote default wins', () => {
  const text = fixtureText('remote-list.txt') + 'web     https://example.invalid/store\n';
  assert.deepEqual(parseRemoteList(text, fixtureText('remote-default.txt').trim()), [
    { name: 'local', url: '/tmp/dvc-lens-remote', isDefault: true },
    { name: 'web', url: 'https://example.invalid/store', isDefault: false },
  ]);
  assert.deepEqual(
    parseRemoteList(text, 'web').map((remote) => remote.isDefault),
    [false, true],
  );
  assert.deepEqual(
    parseRemoteList(text, undefined).map((remote) => remote.isDefault),
    [true, false],
  );
  assert.deepEqual(parseRemoteList('\n', undefined), []);
});

void test('secret options are recognised, ordinary ones are not', () => {
  for (const option of [
    'password',
    'access_key_id',
    'secret_access_key',
    'token',
    'credentialpath',
    'keyfile',
    'gdrive_client_secret',
    'PASSWORD',
  ])
    assert.equal(isSecretOption(option), true, option);
  for (const option of ['url', 'user', 'region', 'jobs', 'endpointurl', 'verify'])
    assert.equal(isSecretOption(option), false, option);
});
