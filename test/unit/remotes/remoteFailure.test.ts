import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyRemoteFailure, failureDetail } from '../../../src/core/remotes/remoteFailure';
import { NOTIFICATION_BUDGET, transferFailureMessage } from '../../../src/remotes/transferFailure';
import { remoteErrorText, transferOutputText } from './remoteFixtures';

void test('recorded DVC 3.67.1 failures are classified by cause', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['push-no-remote.txt', 'noRemote', /no remote specified/],
    ['push-http-refused.txt', 'unreachable', /^Cannot connect to host 127\.0\.0\.1:9/],
    ['push-http-unauthorized.txt', 'unauthorized', /^401, message='Unauthorized'/],
    ['push-local-not-a-directory.txt', 'storage', /^\[Errno 20\] Not a directory/],
    ['pull-http-refused.txt', 'missingData', /Checkout failed for following targets/],
    ['pull-local-missing.txt', 'missingData', /Checkout failed/],
  ];
  for (const [file, kind, detail] of cases) {
    const failure = classifyRemoteFailure(remoteErrorText(file));
    assert.equal(failure.kind, kind, file);
    assert.match(failure.detail, detail, file);
  }
  assert.equal(classifyRemoteFailure(transferOutputText('pull-failed-output.txt')).kind, 'missingData');
});

void test('other causes DVC names: denied access, unknown hosts, timeouts', () => {
  assert.equal(
    classifyRemoteFailure("ERROR: failed to transfer 'x' - 403, message='Forbidden'").kind,
    'unauthorized',
  );
  assert.equal(
    classifyRemoteFailure('ERROR: An error occurred (AccessDenied) when calling').kind,
    'unauthorized',
  );
  assert.equal(classifyRemoteFailure('ERROR: [Errno 13] Permission denied: /srv/x').kind, 'unauthorized');
  assert.equal(
    classifyRemoteFailure(
      'ERROR: Cannot connect to host nohost.invalid:443 ssl:default [Name or service not known]',
    ).kind,
    'unreachable',
  );
  assert.equal(classifyRemoteFailure('ERROR: something new').kind, 'other');
  assert.equal(classifyRemoteFailure('ERROR: something new').detail, 'something new');
});

void test('the message names the remote and its URL and offers the right actions', () => {
  const remote = { name: 'web', url: 'http://127.0.0.1:9/store', isDefault: true };
  const refused = transferFailureMessage('push', remoteErrorText('push-http-refused.txt'), remote);
  assert.match(refused.text, /could not reach remote 'web' \(http:\/\/127\.0\.0\.1:9\/store\)/);
  assert.match(refused.text, /unchanged/);
  assert.deepEqual(refused.actions, ['Retry']);
  const unauthorized = transferFailureMessage('push', remoteErrorText('push-http-unauthorized.txt'), remote);
  assert.match(unauthorized.text, /remote 'web' \(http:\/\/127\.0\.0\.1:9\/store\) refused the credentials/);
  assert.match(unauthorized.text, /\.dvc\/config\.local/);
  assert.deepEqual(unauthorized.actions, ['Retry', 'Modify Remote']);
  const none = transferFailureMessage('push', remoteErrorText('push-no-remote.txt'), undefined);
  assert.deepEqual(none.actions, ['Add Remote']);
});

void test('a checkout failure names the targets DVC lists under its error line, a few of them', () => {
  const output = (targets: string[]): string =>
    [
      'A       eval/metrics.json',
      '1 file fetched and 1 file added',
      'ERROR: failed to pull data from the cloud - Checkout failed for following targets:',
      ...targets,
      'Is your cache up to date?',
      '<https://error.dvc.org/missing-files>',
    ].join('\n');
  assert.equal(
    classifyRemoteFailure(output(['data/data.xml'])).detail,
    'Checkout failed for following targets: data/data.xml',
  );
  assert.equal(
    failureDetail(output(['a', 'b', 'c', 'd', 'e'])),
    'Checkout failed for following targets: a, b, c, +2 more',
  );
});

void test('every failure message stays within about three lines of a notification, however long DVC or the URL', () => {
  const remote = {
    name: 'team-storage',
    url: `https://storage.example.com/${'very-long-folder/'.repeat(8)}store`,
    isDefault: true,
  };
  const longDetail = `ERROR: failed to pull data from the cloud - ${'a very long reason '.repeat(20)}`;
  const outputs = [
    ...['push-no-remote.txt', 'push-http-refused.txt', 'push-http-unauthorized.txt'].map(remoteErrorText),
    ...['push-local-not-a-directory.txt', 'pull-http-refused.txt', 'pull-local-missing.txt'].map(
      remoteErrorText,
    ),
    longDetail,
  ];
  for (const kind of ['push', 'pull', 'fetch'] as const)
    for (const output of outputs) {
      const { text } = transferFailureMessage(kind, output, remote);
      assert.ok(text.length <= NOTIFICATION_BUDGET, `${text.length} characters: ${text}`);
    }
});
