import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTransferSummary } from '../../../src/core/data/transferSummary';
import { transferMessage } from '../../../src/core/remotes/transferMessage';
import { remoteErrorText, transferOutputText } from './remoteFixtures';

const summaryOf = (text: string): ReturnType<typeof parseTransferSummary> => parseTransferSummary(text);

void test('a push names the count and the remote', () => {
  const message = transferMessage('push', summaryOf(transferOutputText('push-output.txt')), 'store');
  assert.deepEqual(message, { severity: 'info', text: "Pushed 4 files to 'store'." });
  assert.equal(
    transferMessage('push', summaryOf('1 file pushed\n'), 'store').text,
    "Pushed 1 file to 'store'.",
  );
});

void test('nothing to transfer is "Everything is up to date" with the remote named', () => {
  for (const [kind, name] of [
    ['push', 'push-nothing-output.txt'],
    ['pull', 'pull-nothing-output.txt'],
  ] as const)
    assert.deepEqual(transferMessage(kind, summaryOf(transferOutputText(name)), 'store'), {
      severity: 'info',
      text: "Everything is up to date with 'store'.",
    });
  assert.equal(
    transferMessage('fetch', summaryOf('Everything is up to date.\n'), undefined).text,
    'Everything is up to date with the default remote.',
  );
});

void test('pull and fetch say what reached the cache and the workspace', () => {
  assert.equal(
    transferMessage('pull', summaryOf(transferOutputText('pull-output.txt')), 'store').text,
    "Pulled 4 files from 'store' (workspace: 3 added).",
  );
  assert.equal(
    transferMessage('fetch', summaryOf(transferOutputText('fetch-output.txt')), 'store').text,
    "Fetched 4 files from 'store' into the cache.",
  );
});

void test('failed files and data missing everywhere are warnings that say how many', () => {
  const failed = transferMessage('push', summaryOf(remoteErrorText('push-http-refused.txt')), 'web');
  assert.equal(failed.severity, 'warning');
  assert.equal(failed.text, '1 file failed.');
  const partial = transferMessage('push', summaryOf('2 files pushed\n2 files failed to upload\n'), 'web');
  assert.equal(partial.text, "Pushed 2 files to 'web'; 2 files failed.");
  // DVC 3.67.1 exits 0 for a fetch from an unreachable HTTP remote, warning only about the missing files.
  const unreachable = transferMessage('fetch', summaryOf(remoteErrorText('fetch-http-refused.txt')), 'web');
  assert.equal(unreachable.severity, 'warning');
  assert.match(
    unreachable.text,
    /^1 file is neither in the cache nor in 'web' \(never pushed, or the remote is unreachable\)\.$/,
  );
});
