/**
 * The repository scheduler with the real DVC: writes queue instead of colliding on DVC's lock, identical
 * reads share one process, a newer read of a slot cancels the older, and reads that take DVC's lock wait
 * for writes (the decision documented in src/cli/repositoryScheduler.ts, checked here against DVC itself).
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { isDvcLockError } from '../../src/cli/dvcCli';
import { isProcessError } from '../../src/cli/processError';
import type { LaneState } from '../../src/cli/repositoryScheduler';
import { parseCliJson } from '../../src/core/cliJson';
import { addStage, makeDvcRepo } from '../helpers/dvcEnvironment';
import { recordingDvcCli, treeOfAtLeast } from './cliFixtures';

/** [start, end] in ms since midnight, from a log line's clock time and duration. */
function interval(line: string): [number, number] {
  const match = /^\[(\d\d):(\d\d):(\d\d)\.(\d{3})\].* in (\d+) ms$/.exec(line);
  assert.ok(match, line);
  const [hours, minutes, seconds, millis, duration] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const start = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
  return [start, start + duration];
}

void test('five DVC writes started at once all succeed, one after the other', async () => {
  const repo = await makeDvcRepo();
  try {
    const { cli, scheduler, lines } = await recordingDvcCli(repo.dir);
    const names = ['a', 'b', 'c', 'd', 'e'].map((name) => `${name}.txt`);
    for (const name of names) await writeFile(join(repo.dir, name), `${name}\n`);
    const states: LaneState[] = [];
    scheduler.onDidChangeQueue((state) => states.push(state));

    await Promise.all(names.map((name) => cli.add([name])));

    for (const name of names)
      assert.match(await readFile(join(repo.dir, `${name}.dvc`), 'utf8'), new RegExp(`path: ${name}`));
    assert.equal(
      Math.max(...states.map((state) => state.queued.length)),
      4,
      'four waited while the first ran',
    );
    const adds = lines.filter((line) => / add /.test(line));
    assert.equal(adds.length, 5);
    for (const line of adds) assert.match(line, /→ exit 0 in/);
    const intervals = adds.map(interval).sort((a, b) => a[0] - b[0]);
    for (let index = 1; index < intervals.length; index++) {
      // The log has millisecond clock times and rounded durations: allow 2 ms of rounding.
      assert.ok(
        intervals[index]![0] >= intervals[index - 1]![1] - 2,
        `writes overlapped: ${adds.join('\n')}`,
      );
    }
  } finally {
    await repo.cleanup();
  }
});

void test('identical reads in flight share one dvc process', async () => {
  const repo = await makeDvcRepo();
  try {
    await addStage(repo.dir, 'prepare', ['-o', 'prepared.txt'], 'echo x > prepared.txt');
    await addStage(repo.dir, 'train', ['-d', 'prepared.txt', '-o', 'model.txt'], 'cp prepared.txt model.txt');
    const { cli, lines } = await recordingDvcCli(repo.dir);
    const results = await Promise.all([cli.stageList(), cli.stageList(), cli.stageList()]);
    for (const stages of results) assert.deepEqual(stages, ['prepare', 'train']);
    assert.equal(lines.filter((line) => line.includes('stage list')).length, 1, lines.join('\n'));
  } finally {
    await repo.cleanup();
  }
});

void test('a newer read of the same slot cancels the older one', async () => {
  const repo = await makeDvcRepo();
  try {
    const { scheduler, cli, lines } = await recordingDvcCli(repo.dir);
    const exe = cli.executable;
    const older = scheduler.read(
      { file: exe.command, args: ['exp', 'show', '--json', '-n', '1'] },
      { slot: 'experiments' },
    );
    // Let the older one get going (DVC needs far longer than this to answer).
    await new Promise((resolve) => setTimeout(resolve, 300));
    const newer = scheduler.read(
      { file: exe.command, args: ['exp', 'show', '--json', '-n', '2'] },
      { slot: 'experiments' },
    );
    await assert.rejects(older, (error) => isProcessError(error, 'cancelled'));
    const table = parseCliJson((await newer).stdout);
    assert.ok(Array.isArray(table));
    assert.equal(
      lines.filter((line) => line.includes('-n 1') && line.includes('→ cancelled')).length,
      1,
      lines.join('\n'),
    );
    assert.equal(
      lines.filter((line) => line.includes('-n 2') && line.includes('→ exit 0')).length,
      1,
      lines.join('\n'),
    );
  } finally {
    await repo.cleanup();
  }
});

void test('dvc status takes the lock: during a repro it fails on its own, and waits in the lane when marked', async () => {
  const repo = await makeDvcRepo();
  try {
    await addStage(repo.dir, 'slow', ['-o', 'out.txt'], 'sleep 6 && echo done > out.txt');
    const { scheduler, cli } = await recordingDvcCli(repo.dir);
    const status = { file: cli.executable.command, args: ['status', '--json'] };
    let pid = 0;
    const repro = cli.repro([], {}, undefined, undefined, (spawned) => (pid = spawned));
    await treeOfAtLeast(() => pid, 3); // the stage's sleep is running

    // Control, outside the lane: DVC itself refuses while the repro holds the stage's outputs.
    await assert.rejects(scheduler.read(status), (error) => isDvcLockError(error));
    // Marked as taking the lock, the same read waits for the repro and then answers.
    const waited = await scheduler.read(status, { takesRepositoryLock: true });
    await repro;
    assert.deepEqual(parseCliJson(waited.stdout), {});
    assert.equal(await readFile(join(repo.dir, 'out.txt'), 'utf8'), 'done\n');
  } finally {
    await repo.cleanup();
  }
});

void test('the typed calls: version, init, remote add', async () => {
  const repo = await makeDvcRepo();
  try {
    const { cli } = await recordingDvcCli(repo.dir);
    assert.equal(await cli.version(), '3.67.1');
    await cli.remoteAdd('storage', join(repo.dir, '..', 'storage-somewhere'), true);
    const config = await readFile(join(repo.dir, '.dvc', 'config'), 'utf8');
    assert.match(config, /remote = storage/);
    assert.match(config, /\['remote "storage"'\]/);
    await assert.rejects(
      cli.init(),
      (error) => isProcessError(error, 'exit') && /'.dvc' exists/.test(error.stderr),
    );
  } finally {
    await repo.cleanup();
  }
});
