import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DvcCli, dvcReadTakesLock, isDvcLockError, type DvcCliOptions } from '../../../src/cli/dvcCli';
import { ProcessError } from '../../../src/cli/processError';
import { RepositoryScheduler } from '../../../src/cli/repositoryScheduler';
import { FlagLikeValueError } from '../../../src/cli/safeArguments';
import type { CommandRunner, ProcessRequest } from '../../../src/cli/runner';

/** DvcCli over a runner that answers every call at once with `stdout`, recording the arguments. */
function cliWith(
  stdout: string,
  prefixArgs: readonly string[] = [],
  options: DvcCliOptions = {},
): { cli: DvcCli; calls: ProcessRequest[] } {
  const calls: ProcessRequest[] = [];
  const runner: CommandRunner = {
    run: (request) => {
      calls.push(request);
      return Promise.resolve({ stdout, stderr: '', exitCode: 0, durationMs: 1, commandLine: request.file });
    },
  };
  const executable = {
    command: '/venv/bin/python',
    prefixArgs,
    source: 'pythonModule' as const,
    version: '3.67.1',
  };
  return { cli: new DvcCli(executable, new RepositoryScheduler('/repo', runner), options), calls };
}

const argsOf = (calls: readonly ProcessRequest[]): string[][] => calls.map((call) => [...call.args]);

void test('the prefix arguments (python -m dvc) come before every DVC command', async () => {
  const { cli, calls } = cliWith('3.67.1\n', ['-m', 'dvc']);
  assert.equal(await cli.version(), '3.67.1');
  assert.deepEqual(argsOf(calls), [['-m', 'dvc', '--version']]);
  assert.equal(calls[0]?.file, '/venv/bin/python');
  assert.equal(calls[0]?.cwd, '/repo');
});

void test('stage list: names one per line', async () => {
  const { cli, calls } = cliWith('prepare\ntrain\nsub/dvc.yaml:evaluate\n\n');
  assert.deepEqual(await cli.stageList(), ['prepare', 'train', 'sub/dvc.yaml:evaluate']);
  assert.deepEqual(argsOf(calls), [['stage', 'list', '--all', '--name-only']]);
});

void test('the write commands and their flags', async () => {
  const { cli, calls } = cliWith('');
  await cli.init();
  await cli.init({ subdir: true });
  await cli.repro(['train', '-odd'], {
    force: true,
    singleItem: true,
    downstream: true,
    dryRun: true,
    pull: true,
    keepGoing: true,
  });
  await cli.repro();
  await cli.remoteAdd('local', '/srv/dvc', true);
  await cli.remoteAdd('backup', 's3://bucket/x', false);
  await cli.add(['data/raw.csv', '-weird.csv']);
  await cli.stageAdd({
    name: 'hello',
    command: 'echo "${message}" > hello.txt',
    params: ['message'],
    outs: ['hello.txt'],
    deps: ['a', 'b'],
  });
  assert.deepEqual(argsOf(calls), [
    ['init'],
    ['init', '--subdir'],
    [
      'repro',
      '--force',
      '--single-item',
      '--downstream',
      '--dry',
      '--pull',
      '--keep-going',
      '--',
      'train',
      '-odd',
    ],
    ['repro'],
    ['remote', 'add', '--default', 'local', '/srv/dvc'],
    ['remote', 'add', 'backup', 's3://bucket/x'],
    ['add', '--', 'data/raw.csv', '-weird.csv'],
    [
      'stage',
      'add',
      '--name',
      'hello',
      '--deps',
      'a',
      '--deps',
      'b',
      '--params',
      'message',
      '--outs',
      'hello.txt',
      'echo "${message}" > hello.txt',
    ],
  ]);
});

void test('stage add glues values that look like flags to their options and refuses a command that is one', async () => {
  const { cli, calls } = cliWith('');
  await cli.stageAdd({ name: 'x', command: 'cp -- -in.csv out.csv', deps: ['-in.csv'], outs: ['-out.csv'] });
  assert.deepEqual(argsOf(calls), [
    ['stage', 'add', '--name', 'x', '--deps=-in.csv', '--outs=-out.csv', 'cp -- -in.csv out.csv'],
  ]);
  await assert.rejects(cli.stageAdd({ name: 'y', command: '--help' }), (error: unknown) => {
    assert.ok(error instanceof FlagLikeValueError);
    assert.match(error.message, /The stage command '--help' starts with '-'/);
    return true;
  });
  assert.equal(calls.length, 1, 'DVC never ran for the refused command');
});

void test('readJson parses DVC JSON with NaN', async () => {
  const { cli } = cliWith('{"metrics.json": {"data": {"loss": NaN}}}');
  const parsed = (await cli.readJson(['metrics', 'show', '--json'])) as Record<
    string,
    { data: { loss: number } }
  >;
  assert.ok(Number.isNaN(parsed['metrics.json']?.data.loss));
});

void test('which DVC reads take the repository lock', () => {
  assert.ok(dvcReadTakesLock(['status', '--json']));
  assert.ok(dvcReadTakesLock(['status', '--cloud', '--json']));
  assert.ok(dvcReadTakesLock(['diff', 'HEAD~1', '--json']));
  assert.ok(dvcReadTakesLock(['exp', 'ls']));
  assert.ok(!dvcReadTakesLock(['exp', 'show', '--json']));
  assert.ok(!dvcReadTakesLock(['data', 'status', '--json']));
  assert.ok(!dvcReadTakesLock(['stage', 'list', '--all']));
  assert.ok(!dvcReadTakesLock(['params', 'diff', '--all', '--json']));
});

void test('DVC lock errors: the repository lock and a busy rwlock', () => {
  const base = {
    commandLine: 'dvc add x',
    cwd: '/r',
    exitCode: 1,
    signal: undefined,
    stdout: '',
    durationMs: 10,
  };
  const lock = new ProcessError({
    ...base,
    reason: 'exit',
    stderr:
      'ERROR: Unable to acquire lock. Most likely another DVC process is running or was terminated abruptly.',
  });
  const busy = new ProcessError({
    ...base,
    reason: 'exit',
    stderr: "ERROR: '/r/out.txt' is busy, it is being blocked by:\n  (PID 9728): dvc repro",
  });
  assert.ok(isDvcLockError(lock));
  assert.ok(isDvcLockError(busy));
  assert.ok(!isDvcLockError(new ProcessError({ ...base, reason: 'exit', stderr: 'ERROR: other' })));
  assert.ok(!isDvcLockError(new Error('Unable to acquire lock')));
});

void test('reads take the read timeout the owner supplies, asked again at each read; writes have none', async () => {
  let seconds = 120;
  const { cli, calls } = cliWith('{}', [], { readTimeoutMs: () => seconds * 1000 });
  await cli.readJson(['exp', 'show', '--json']);
  seconds = 7;
  await cli.stageList();
  await cli.version();
  await cli.repro(['train']);
  await cli.add(['data.csv']);
  assert.deepEqual(
    calls.map((call) => call.timeoutMs),
    [120_000, 7000, 7000, undefined, undefined],
  );
});

void test('without a supplied read timeout, reads keep the built-in limits', async () => {
  const { cli, calls } = cliWith('{}');
  await cli.readText(['params', 'diff', '--json']);
  await cli.version();
  assert.deepEqual(
    calls.map((call) => call.timeoutMs),
    [600_000, 60_000],
  );
});
