/**
 * Cancelling a running `dvc repro`: DVC starts the stage's shell, which starts its own children. After the
 * cancel, none of them may survive, DVC's locks must be free, and the next DVC write must work.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { isProcessError } from '../../src/cli/processError';
import { addStage, makeDvcRepo, pinnedDvcPath } from '../helpers/dvcEnvironment';
import { recordingDvcCli, runningOf, treeOfAtLeast } from './cliFixtures';

const run = promisify(execFile);

/** Whether DVC's repository lock is free, asked with DVC's own lock library (zc.lockfile, as dvc/lock.py). */
async function repositoryLockIsFree(repo: string): Promise<boolean> {
  const python = join(dirname(await pinnedDvcPath()), 'python');
  const script =
    'import sys, zc.lockfile\ntry:\n  zc.lockfile.LockFile(sys.argv[1]).close()\nexcept zc.lockfile.LockError:\n  sys.exit(3)';
  try {
    await run(python, ['-c', script, join(repo, '.dvc', 'tmp', 'lock')]);
    return true;
  } catch {
    return false;
  }
}

/** pids that `.dvc/tmp/rwlock` still names (entries of a killed DVC stay until the next DVC run cleans them). */
async function rwlockPids(repo: string): Promise<number[]> {
  const text = await readFile(join(repo, '.dvc', 'tmp', 'rwlock'), 'utf8').catch(() => '{}');
  const pids: number[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.pid === 'number') pids.push(record.pid);
      else Object.values(record).forEach(visit);
    }
  };
  visit(JSON.parse(text));
  return pids;
}

void test('cancelling dvc repro kills the stage tree, frees the locks, and the next write works', async () => {
  const repo = await makeDvcRepo();
  try {
    await addStage(
      repo.dir,
      'slow',
      ['-o', 'out.txt'],
      `sh -c 'sleep 60 & sleep 61 & wait' && echo done > out.txt`,
    );
    const { cli, lines } = await recordingDvcCli(repo.dir);
    const controller = new AbortController();
    const output: string[] = [];
    let pid = 0;
    const repro = cli
      .repro(
        ['slow'],
        {},
        controller.signal,
        (line) => output.push(line),
        (spawned) => (pid = spawned),
      )
      .then(
        () => undefined,
        (error: unknown) => error,
      );

    // DVC's python → the stage's shell → sh → two sleeps.
    const tree = await treeOfAtLeast(() => pid, 5);
    assert.ok(
      output.some((line) => line.includes("Running stage 'slow'")),
      output.join('\n'),
    );
    controller.abort();
    const error = await repro;

    assert.ok(isProcessError(error, 'cancelled'), String(error));
    assert.deepEqual(await runningOf(tree), [], 'no process of the repro tree survives');
    assert.ok(await repositoryLockIsFree(repo.dir), '.dvc/tmp/lock is not held');
    assert.deepEqual(await runningOf(await rwlockPids(repo.dir)), [], 'rwlock names no live process');
    assert.match(lines.at(-1)!, /dvc repro slow \(cwd .+\) → cancelled after \d+ ms$/);

    await writeFile(join(repo.dir, 'data.txt'), 'data\n');
    await cli.add(['data.txt']);
    assert.match(await readFile(join(repo.dir, 'data.txt.dvc'), 'utf8'), /path: data.txt/);

    // The killed repro's stale rwlock entries do not block a new repro of the same stage.
    await addStage(repo.dir, 'slow', ['--force', '-o', 'out.txt'], 'echo done > out.txt');
    await cli.repro(['slow']);
    assert.equal(await readFile(join(repo.dir, 'out.txt'), 'utf8'), 'done\n');
  } finally {
    await repo.cleanup();
  }
});
