/**
 * The content of DVC-tracked files at two revisions, with the real DVC and git: a file with its own `.dvc`
 * file, a file inside a tracked folder (through the folder's `.dir` manifest) and a stage output (through
 * dvc.lock) read back from the cache exactly as each commit had them; with the cache gone, `dvc get --rev`
 * fetches a revision from the remote. What Open Data Diff shows on each side.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import { readDataAtRevision, type DataAtRevisionSources } from '../../src/data/dataAtRevisionReader';
import { addStage, dvc, git, gitIdentityArgs, makeDvcRepo, makeTempDir } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

let repo: { dir: string; cleanup: () => Promise<void> };
let remote: { dir: string; cleanup: () => Promise<void> };
let sources: DataAtRevisionSources;
const revs: string[] = [];
const errors: string[] = [];

const versions = [
  { table: 'id,value\n1,0.5\n2,0.25\n', note: 'first\n' },
  { table: 'id,value\n1,0.5\n2,0.75\n3,0.1\n', note: 'second, longer\n' },
];

async function commitVersion(dir: string, index: number): Promise<string> {
  const version = versions[index]!;
  await writeFile(join(dir, 'table.csv'), version.table);
  await writeFile(join(dir, 'notes', 'a.txt'), version.note);
  await dvc(dir, ['add', '-q', 'table.csv', 'notes']);
  await dvc(dir, ['repro', '-q']);
  await git(dir, ['add', '-A']);
  await git(dir, [...gitIdentityArgs, 'commit', '-q', '-m', `version ${index + 1}`]);
  return (await git(dir, ['rev-parse', 'HEAD'])).trim();
}

async function textAt(path: string, rev: string, maxBytes = 1_000_000): Promise<string> {
  const found = await readDataAtRevision(sources, path, rev, maxBytes);
  assert.equal(found.kind, 'bytes', `${path} at ${rev}: ${found.kind}; ${errors.join(' | ')}`);
  return found.kind === 'bytes' ? new TextDecoder().decode(found.bytes) : '';
}

before(async () => {
  repo = await makeDvcRepo();
  remote = await makeTempDir('dvc-lens-remote-');
  const dir = repo.dir;
  // The remote is in the committed config from the first version on: `dvc get --rev` reads that revision's.
  await dvc(dir, ['remote', 'add', '-d', 'store', remote.dir]);
  await mkdir(join(dir, 'notes'));
  await writeFile(join(dir, 'table.csv'), versions[0]!.table);
  await dvc(dir, ['add', '-q', 'table.csv']);
  await addStage(dir, 'copy', ['-d', 'table.csv', '-o', 'copy.csv'], 'cp table.csv copy.csv');
  revs.push(await commitVersion(dir, 0), await commitVersion(dir, 1));
  const { cli } = await recordingDvcCli(dir);
  sources = {
    root: dir,
    git: new GitCli(dir),
    dvc: cli,
    readCacheObject: (relative) => readFile(join(dir, '.dvc', 'cache', relative)).catch(() => undefined),
    logError: (message) => errors.push(message),
  };
});

after(async () => {
  await repo.cleanup();
  await remote.cleanup();
});

void test('a file with its own .dvc file, at each revision, from the cache', async () => {
  assert.equal(await textAt('table.csv', revs[0]!), versions[0]!.table);
  assert.equal(await textAt('table.csv', revs[1]!), versions[1]!.table);
});

void test('a file inside a tracked folder, through the folder’s manifest', async () => {
  assert.equal(await textAt('notes/a.txt', revs[0]!), versions[0]!.note);
  assert.equal(await textAt('notes/a.txt', revs[1]!), versions[1]!.note);
});

void test('a stage output, through dvc.lock', async () => {
  assert.equal(await textAt('copy.csv', revs[0]!), versions[0]!.table);
  assert.equal(await textAt('copy.csv', revs[1]!), versions[1]!.table);
});

void test('untracked at a revision, and over the size limit (nothing read)', async () => {
  assert.deepEqual(await readDataAtRevision(sources, 'missing.csv', revs[1]!, 1000), { kind: 'untracked' });
  assert.deepEqual(await readDataAtRevision(sources, 'table.csv', 'HEAD~2', 1000), { kind: 'untracked' });
  assert.deepEqual(await readDataAtRevision(sources, 'table.csv', revs[1]!, 10), {
    kind: 'tooLarge',
    size: versions[1]!.table.length,
  });
});

void test('without a cache, dvc get --rev fetches the revision from the remote', async () => {
  await dvc(repo.dir, ['push', '-q', '--all-commits']);
  await rm(join(repo.dir, '.dvc', 'cache'), { recursive: true, force: true });
  assert.equal(await textAt('table.csv', revs[0]!), versions[0]!.table);
  assert.equal(await textAt('notes/a.txt', revs[0]!), versions[0]!.note);
  await rm(remote.dir, { recursive: true, force: true });
  await rm(join(repo.dir, '.dvc', 'cache'), { recursive: true, force: true });
  const gone = await readDataAtRevision(sources, 'table.csv', revs[1]!, 1_000_000);
  assert.deepEqual(gone, { kind: 'unavailable' });
  assert.ok(
    errors.some((message) => message.includes('dvc get of table.csv')),
    'the failure is logged',
  );
});
