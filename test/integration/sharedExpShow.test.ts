/**
 * The hub's shared `dvc exp show` reader with the real DVC (src/experiments/expShowReads.ts): a trigger
 * while a read runs never cancels it and ends in exactly one follow-up read; what a commit's row says is
 * served from the kept answer after a workspace-only change (no DVC process); a refs change asks again.
 * DVC processes are counted from the runner's log (one line per process).
 */
import assert from 'node:assert/strict';
import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import { ExperimentsService } from '../../src/experiments/experimentsService';
import { ExpShowReads } from '../../src/experiments/expShowReads';
import type { Repository } from '../../src/repository/repository';
import type { FileEventFilter, FileEventListener } from '../../src/repository/repositoryFileEvents';
import { git, makeDemoRepo } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

let repo: { dir: string; cleanup: () => Promise<void> };

before(async () => {
  repo = await makeDemoRepo({ repro: true });
  await git(repo.dir, ['config', 'user.name', 'DVC Lens Test']);
  await git(repo.dir, ['config', 'user.email', 'test@dvc-lens.invalid']);
});

after(async () => {
  await repo.cleanup();
});

/**
 * A stand-in for the hub: the reader subscribes to its file events, which the test delivers, and asks its
 * scheduler whether a DVC write runs.
 */
function fakeHub(scheduler: Repository['scheduler']): { hub: Repository; change: (path: string) => void } {
  const subscribers: { filter: FileEventFilter; listener: FileEventListener }[] = [];
  const hub = {
    scheduler,
    onFiles: (filter: FileEventFilter, listener: FileEventListener) => {
      subscribers.push({ filter, listener });
      return { dispose: () => undefined };
    },
  } as unknown as Repository;
  const change = (relativePath: string): void => {
    const uri = { path: `/${relativePath}`, fsPath: join(repo.dir, relativePath) } as never;
    const event = { uri, kind: 'changed' as const, relativePath };
    for (const { filter, listener } of subscribers) if (filter(relativePath, event)) listener([event]);
  };
  return { hub, change };
}

/** Gives a file a modification time of now, as a real change would. */
async function touch(relativePath: string): Promise<void> {
  const now = new Date();
  await utimes(join(repo.dir, relativePath), now, now);
}

const expShowLines = (lines: readonly string[]): string[] =>
  lines.filter((line) => line.includes(' exp show '));

void test('a trigger during an exp show in flight does not cancel it: exactly one follow-up read', async () => {
  const { cli, scheduler, lines } = await recordingDvcCli(repo.dir);
  const { hub, change } = fakeHub(scheduler);
  const reads = new ExpShowReads(hub);
  const service = new ExperimentsService(cli, scheduler, new GitCli(repo.dir), reads);
  try {
    const first = service.show({ commits: 10 });
    // While DVC runs: the refs change twice and two views ask (a newer and a wider question).
    await new Promise((resolve) => setTimeout(resolve, 300));
    await touch('.git/HEAD');
    change('.git/HEAD');
    await reads.afterChanges();
    const second = service.show({ commits: 10 });
    await touch('.git/HEAD');
    change('.git/HEAD');
    await reads.afterChanges();
    const third = service.show({ revs: ['HEAD'], commits: 51 });
    const [a, b, c] = await Promise.all([first, second, third]);
    assert.ok(a.commits.length >= 1 && b.commits.length >= 1 && c.commits.length >= 1);
    const shows = expShowLines(lines);
    assert.equal(shows.length, 2, `one read and one follow-up:\n${shows.join('\n')}`);
    assert.ok(
      shows.every((line) => / → exit 0 in /.test(line)),
      `none cancelled:\n${shows.join('\n')}`,
    );
    assert.match(shows[1] ?? '', /--num 51/, 'the follow-up asked for every view at once');
  } finally {
    reads.dispose();
  }
});

void test("a commit's results are served from the kept answer after a workspace-only change", async () => {
  const { cli, scheduler, lines } = await recordingDvcCli(repo.dir);
  const { hub, change } = fakeHub(scheduler);
  const reads = new ExpShowReads(hub);
  const service = new ExperimentsService(cli, scheduler, new GitCli(repo.dir), reads);
  try {
    const head = await service.show({ revs: ['HEAD'], commits: 51 });
    const sha = head.commits[0]?.rev;
    assert.ok(sha);
    await writeFile(join(repo.dir, 'params.yaml'), 'train:\n  epochs: 3\n  learning_rate: 0.2\n');
    change('params.yaml');
    await reads.afterChanges();
    const after = lines.length;
    // The Experiments view's read, the metrics baseline of HEAD and param blame's commit-and-parent rows.
    const view = await service.show({ commits: 10 });
    const baseline = await service.show({ revs: [sha], commits: 1 });
    const blame = await service.show({ revs: [sha], commits: 2 });
    assert.equal(view.commits[0]?.rev, sha);
    assert.equal(baseline.commits[0]?.rev, sha);
    assert.ok(blame.commits.length >= 1);
    assert.deepEqual(lines.slice(after), [], 'no DVC process after a workspace-only change');
    // A refs change the watcher reports late, older than the kept answer: still kept.
    change('.git/HEAD');
    await reads.afterChanges();
    await service.show({ commits: 10 });
    assert.deepEqual(lines.slice(after), [], 'a change older than the kept answer keeps it');
    await touch('.git/HEAD');
    change('.git/HEAD');
    await reads.afterChanges();
    await service.show({ commits: 10 });
    assert.equal(expShowLines(lines.slice(after)).length, 1, 'a refs change asks DVC again');
  } finally {
    reads.dispose();
  }
});
