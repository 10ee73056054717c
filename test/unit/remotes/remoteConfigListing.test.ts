import assert from 'node:assert/strict';
import { test } from 'node:test';
import { remoteOptionsFromConfigList } from '../../../src/core/remotes/remoteConfigListing';

// As `dvc config --list --local` printed it with DVC 3.67.1 (a remote `-u` and one named `web.b`).
const LISTING = [
  'core.remote=web',
  'remote.web.password=-Xy9secret',
  'remote.web.url=https://example.invalid/a=b',
  'remote.web.b.password=other',
  'remote.-u.password=-u',
  '',
].join('\n');

void test('the options of one remote, values kept verbatim after the first =', () => {
  assert.deepEqual(
    [...remoteOptionsFromConfigList(LISTING, 'web')],
    [
      ['password', '-Xy9secret'],
      ['url', 'https://example.invalid/a=b'],
    ],
  );
  assert.deepEqual([...remoteOptionsFromConfigList(LISTING, '-u')], [['password', '-u']]);
  assert.deepEqual([...remoteOptionsFromConfigList(LISTING, 'web.b')], [['password', 'other']]);
  assert.equal(remoteOptionsFromConfigList(LISTING, 'none').size, 0);
});
