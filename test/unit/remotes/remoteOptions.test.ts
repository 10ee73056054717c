import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knownRemoteOptions, remoteTypeOf } from '../../../src/core/remotes/remoteOptions';
import { isSecretOption } from '../../../src/data/remotesService';

void test('the remote type comes from the URL scheme; a plain path is a local folder', () => {
  assert.equal(remoteTypeOf('/mnt/storage'), 'local');
  assert.equal(remoteTypeOf('../storage'), 'local');
  assert.equal(remoteTypeOf('file:///mnt/storage'), 'local');
  assert.equal(remoteTypeOf('s3://bucket/x'), 's3');
  assert.equal(remoteTypeOf('HTTPS://host/x'), 'http');
  assert.equal(remoteTypeOf('webdavs://host/x'), 'webdav');
  assert.equal(remoteTypeOf('ssh://user@host/x'), 'ssh');
  assert.equal(remoteTypeOf('weird://host'), 'other');
});

void test('options offered per type: a local folder gets only the common ones, http gets password', () => {
  assert.deepEqual(
    knownRemoteOptions('/mnt/storage').map((option) => option.name),
    ['url', 'jobs', 'verify'],
  );
  const http = knownRemoteOptions('https://host/store');
  assert.ok(http.some((option) => option.name === 'password' && option.secret));
  assert.ok(http.some((option) => option.name === 'user' && !option.secret));
});

void test('every option the secret detector flags is offered as secret (the prompt and the write agree)', () => {
  const urls = [
    's3://b',
    'gs://b',
    'azure://c',
    'ssh://h',
    'https://h',
    'webdav://h',
    'hdfs://h',
    'oss://b',
    'gdrive://f',
  ];
  for (const url of urls)
    for (const option of knownRemoteOptions(url))
      if (isSecretOption(option.name)) assert.ok(option.secret, `${url} ${option.name}`);
  for (const secret of [
    'password',
    'secret_access_key',
    'access_key_id',
    'token',
    'credentialpath',
    'keyfile',
  ])
    assert.ok(isSecretOption(secret), secret);
  for (const plain of ['url', 'region', 'user', 'jobs', 'port']) assert.ok(!isSecretOption(plain), plain);
});
