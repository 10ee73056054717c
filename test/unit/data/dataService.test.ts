import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DvcCli } from '../../../src/cli/dvcCli';
import { GitCli } from '../../../src/cli/gitCli';
import { ProcessError } from '../../../src/cli/processError';
import { RepositoryScheduler } from '../../../src/cli/repositoryScheduler';
import type { CommandRunner, ProcessRequest, ProcessResult } from '../../../src/cli/runner';
import { DataService, DataTransferError } from '../../../src/data/dataService';
import { RemoteCredentialsMoveError, RemotesService } from '../../../src/data/remotesService';
import { fixtureText } from './dataFixtures';

/** Answers each call with the next scripted stdout (or failure), recording the arguments. */
function scriptedRunner(answers: Array<string | { fail: string }>): {
  runner: CommandRunner;
  calls: string[][];
} {
  const calls: string[][] = [];
  const runner: CommandRunner = {
    run(request: ProcessRequest): Promise<ProcessResult> {
      calls.push([...request.args]);
      const answer = answers.shift() ?? '';
      const details = { commandLine: `dvc ${request.args.join(' ')}`, cwd: request.cwd, durationMs: 1 };
      if (typeof answer !== 'string')
        return Promise.reject(
          new ProcessError({
            ...details,
            reason: 'exit',
            exitCode: 1,
            signal: undefined,
            stdout: answer.fail,
            stderr: '',
          }),
        );
      return Promise.resolve({ ...details, stdout: answer, stderr: '', exitCode: 0 });
    },
  };
  return { runner, calls };
}

function services(answers: Array<string | { fail: string }>) {
  const { runner, calls } = scriptedRunner(answers);
  const scheduler = new RepositoryScheduler('/repo', runner);
  const cli = new DvcCli(
    { command: 'dvc', prefixArgs: ['-m', 'dvc'], source: 'setting', version: '3.67.1' },
    scheduler,
  );
  return {
    data: new DataService(cli, scheduler, new GitCli('/repo')),
    remotes: new RemotesService(cli, scheduler),
    calls,
  };
}

void test('status asks for the granular, unchanged JSON and parses it', async () => {
  const { data, calls } = services([fixtureText('not-in-remote-before-push.json')]);
  const status = await data.status({ notInRemote: true });
  assert.deepEqual(calls, [
    ['-m', 'dvc', 'data', 'status', '--granular', '--unchanged', '--not-in-remote', '--json'],
  ]);
  assert.equal(status.entries.filter((entry) => entry.notInRemote).length, 4);
});

void test('push names the remote and keeps a target that looks like a flag a path', async () => {
  const { data, calls } = services([fixtureText('push-output.txt')]);
  const summary = await data.push({ targets: ['-odd.csv', 'data'], remote: 'store' });
  assert.deepEqual(calls, [['-m', 'dvc', 'push', '--remote', 'store', '--', '-odd.csv', 'data']]);
  assert.equal(summary.pushed, 4);
});

void test('a failed pull becomes a DataTransferError with what DVC reported', async () => {
  const { data } = services([{ fail: fixtureText('pull-failed-output.txt') }]);
  await assert.rejects(data.pull(), (error: unknown) => {
    assert.ok(error instanceof DataTransferError);
    assert.equal(error.kind, 'pull');
    assert.equal(error.summary.missingHashes.length, 4);
    assert.equal(error.cause.reason, 'exit');
    return true;
  });
});

void test('a secret option is written with --local even when the caller did not ask', async () => {
  const { remotes, calls } = services(['', '']);
  await remotes.modify('web', 'secret_access_key', 'x');
  await remotes.modify('web', 'region', 'eu');
  assert.deepEqual(calls, [
    ['-m', 'dvc', 'remote', 'modify', '--local', 'web', 'secret_access_key', 'x'],
    ['-m', 'dvc', 'remote', 'modify', 'web', 'region', 'eu'],
  ]);
});

const LOCAL_CONFIG = 'remote.web.password=p=w\nremote.other.url=/x\n';
const MERGED_CONFIG = 'remote.web.url=https://h/x\nremote.web.user=bob\nremote.web.password=p=w\n';

void test('renaming a remote writes its local-only options under the new name before removing the old', async () => {
  const { remotes, calls } = services([
    LOCAL_CONFIG,
    MERGED_CONFIG,
    '',
    '',
    '',
    'remote.web.password=p=w\nremote.web.url=https://h/x\nremote.site.password=p=w\n',
    '',
  ]);
  await remotes.rename('web', 'site');
  assert.deepEqual(calls, [
    ['-m', 'dvc', 'config', '--list', '--local'],
    ['-m', 'dvc', 'config', '--list'],
    ['-m', 'dvc', 'remote', 'modify', '--local', 'web', 'url', 'https://h/x'],
    ['-m', 'dvc', 'remote', 'rename', 'web', 'site'],
    ['-m', 'dvc', 'remote', 'modify', '--local', 'site', 'password', 'p=w'],
    ['-m', 'dvc', 'config', '--list', '--local'],
    ['-m', 'dvc', 'remote', 'remove', '--local', 'web'],
  ]);
});

void test('a refused rename takes the url back out of the old local section and removes nothing', async () => {
  const { remotes, calls } = services([
    LOCAL_CONFIG,
    MERGED_CONFIG,
    '',
    { fail: 'ERROR: configuration error - Rename failed.' },
    '',
  ]);
  await assert.rejects(remotes.rename('web', 'site'), /exit code 1/);
  assert.deepEqual(calls.slice(3), [
    ['-m', 'dvc', 'remote', 'rename', 'web', 'site'],
    ['-m', 'dvc', 'remote', 'modify', '--local', '--unset', 'web', 'url'],
  ]);
});

void test('credentials that do not read back under the new name stay under the old one, and the error says so', async () => {
  const { remotes, calls } = services([LOCAL_CONFIG, MERGED_CONFIG, '', '', '', 'remote.web.password=p=w\n']);
  await assert.rejects(remotes.rename('web', 'site'), (error: unknown) => {
    assert.ok(error instanceof RemoteCredentialsMoveError);
    assert.match(error.message, /Nothing is lost: they are still under 'web' in \.dvc\/config\.local/);
    assert.match(error.message, /DVC did not keep password under 'site'/);
    return true;
  });
  assert.ok(!calls.some((call) => call.includes('remove')), 'the old copy is not removed');
});

void test('a credential write that fails stops the move before anything is removed', async () => {
  const { remotes, calls } = services([LOCAL_CONFIG, MERGED_CONFIG, '', '', { fail: 'ERROR: disk full' }]);
  await assert.rejects(remotes.rename('web', 'site'), RemoteCredentialsMoveError);
  assert.ok(!calls.some((call) => call.includes('remove')), 'the old copy is not removed');
});

void test('a remote with no local-only options is renamed in one call, its names after --', async () => {
  const { remotes, calls } = services(['remote.other.password=x\n', '']);
  await remotes.rename('-u', 'site');
  assert.deepEqual(calls, [
    ['-m', 'dvc', 'config', '--list', '--local'],
    ['-m', 'dvc', 'remote', 'rename', '--', '-u', 'site'],
  ]);
});

void test('a value or name that looks like a flag goes after --: password -u, default remote -u', async () => {
  const { remotes, calls } = services(['', '', '']);
  await remotes.modify('web', 'password', '-u');
  await remotes.setDefault('-u');
  await remotes.unset('-u', 'user');
  assert.deepEqual(calls, [
    ['-m', 'dvc', 'remote', 'modify', '--local', '--', 'web', 'password', '-u'],
    ['-m', 'dvc', 'remote', 'default', '--', '-u'],
    ['-m', 'dvc', 'remote', 'modify', '--unset', '--', '-u', 'user'],
  ]);
});

void test('no default remote: DVC exits 1 with "No default remote set", read as undefined', async () => {
  const { remotes } = services([{ fail: 'No default remote set\n' }]);
  assert.equal(await remotes.defaultRemote(), undefined);
});
