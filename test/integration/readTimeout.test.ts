/**
 * `dvcLens.processTimeout` with the real git and DVC: a read that runs longer than the limit is stopped with
 * a timeout error naming its command; with the default limit the same reads answer; writes have no limit.
 * git is made slow on purpose with a `core.fsmonitor` hook that sleeps (git runs it on every status).
 */
import assert from 'node:assert/strict';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DvcCli } from '../../src/cli/dvcCli';
import { GitCli } from '../../src/cli/gitCli';
import { isProcessError } from '../../src/cli/processError';
import { processTimeoutMsFromSetting } from '../../src/config/processTimeout';
import { git, makeDvcRepo } from '../helpers/dvcEnvironment';
import { pinnedExecutable, recordingDvcCli } from './cliFixtures';

let repo: { dir: string; cleanup: () => Promise<void> };
const defaultLimit = (): number => processTimeoutMsFromSetting(undefined);

before(async () => {
  repo = await makeDvcRepo();
  const hook = join(repo.dir, '.git', 'slow-fsmonitor.sh');
  await writeFile(hook, '#!/bin/sh\nsleep 2\nexit 1\n');
  await chmod(hook, 0o755);
  await git(repo.dir, ['config', 'core.fsmonitor', hook]);
});

after(() => repo.cleanup());

async function dvcWithLimit(limitMs: () => number): Promise<DvcCli> {
  const { scheduler } = await recordingDvcCli(repo.dir);
  return new DvcCli(await pinnedExecutable(), scheduler, { readTimeoutMs: limitMs });
}

void test('a DVC read longer than the limit fails with a timeout naming the command', async () => {
  const cli = await dvcWithLimit(() => 1);
  await assert.rejects(cli.readJson(['exp', 'show', '--json']), (error) => {
    assert.ok(isProcessError(error, 'timeout'), String(error));
    assert.match(error.message, /exp show --json timed out after 1 ms/);
    return true;
  });
});

void test('with the default limit the same DVC read answers', async () => {
  const cli = await dvcWithLimit(defaultLimit);
  const json = await cli.readJson(['exp', 'show', '--json']);
  assert.ok(Array.isArray(json), 'dvc exp show --json is a list');
});

void test('a git read longer than the limit fails with a timeout naming the command', async () => {
  const lines: string[] = [];
  const gitCli = new GitCli(repo.dir, {
    log: { append: (line) => lines.push(line) },
    readTimeoutMs: () => 300,
  });
  const started = Date.now();
  await assert.rejects(gitCli.changedFiles(), (error) => {
    assert.ok(isProcessError(error, 'timeout'), String(error));
    assert.match(error.message, /^git status.* timed out after 300 ms$/);
    return true;
  });
  assert.ok(Date.now() - started < 1500, 'stopped at the limit, not when the slow hook finished');
  assert.match(lines.at(-1) ?? '', /git status.*→ timed out after/);
});

void test('with the default limit the git read answers, and git writes have no limit', async () => {
  await writeFile(join(repo.dir, 'notes.txt'), 'hello\n');
  const reader = new GitCli(repo.dir, { readTimeoutMs: defaultLimit });
  assert.deepEqual(
    (await reader.changedFiles()).map((file) => file.path),
    ['notes.txt'],
  );
  // A write runs the slow hook too (git refreshes the index), well past a 1 ms limit that reads would get.
  const writer = new GitCli(repo.dir, { readTimeoutMs: () => 1 });
  await writer.add(['notes.txt']);
  assert.match(await git(repo.dir, ['diff', '--cached', '--name-only']), /notes\.txt/);
});
