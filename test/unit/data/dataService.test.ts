import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DvcCli } from '../../../src/cli/dvcCli';
import { GitCli } from '../../../src/cli/gitCli';
import { ProcessError } from '../../../src/cli/processError';
import { RepositoryScheduler } from '../../../src/cli/repositoryScheduler';
import type { CommandRunner, ProcessRequest, ProcessResult } from '../../../src/cli/runner';
import { DataService, DataTransferError } from '../../../src/data/dataService';
import { RemotesService } from '../../../src/data/remotesService';
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
  assert.deepEqual(calls, [['-m', 'dvc', 'push', '--remote', 'store', './-odd.csv', 'data']]);
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

void test('renaming a remote moves its local-only options to the new name', async () => {
  const { remotes, calls } = services(['remote.web.password=p=w\nremote.other.url=/x\n', '', '', '']);
  await remotes.rename('web', 'site');
  assert.deepEqual(calls, [
    ['-m', 'dvc', 'config', '--list', '--local'],
    ['-m', 'dvc', 'remote', 'remove', '--local', 'web'],
    ['-m', 'dvc', 'remote', 'rename', 'web', 'site'],
    ['-m', 'dvc', 'remote', 'modify', '--local', 'site', 'password', 'p=w'],
  ]);
});

void test('no default remote: DVC exits 1 with "No default remote set", read as undefined', async () => {
  const { remotes } = services([{ fail: 'No default remote set\n' }]);
  assert.equal(await remotes.defaultRemote(), undefined);
});
