import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupCommits, ungroupedCommits } from '../../../src/core/experiments/branchGroups';
import { parseExpShow } from '../../../src/core/experiments/parseExpShow';
import { savedOtherBranches, saveOtherBranches } from '../../../src/experiments/otherBranchesPlan';

const sha = (letter: string): string => letter.repeat(40);

/** `dvc exp show --rev HEAD --rev feat --rev old -n 2` in DVC's order: each commit once, HEAD's first. */
const model = parseExpShow([
  { rev: 'workspace', data: {} },
  { rev: sha('a'), name: 'main', data: {} },
  { rev: sha('b'), data: {} },
  { rev: sha('f'), name: 'feat', data: {}, experiments: [{ name: 'f1', revs: [{ rev: sha('e') }] }] },
  { rev: sha('g'), data: {} },
]);

void test('commits are sorted into HEAD and the other branches by their first-parent chains', () => {
  const groups = groupCommits(
    model.commits,
    [sha('a'), sha('b')],
    [
      { branch: 'feat', chain: [sha('f'), sha('g')] },
      // Behind HEAD: its commits are all listed under HEAD already.
      { branch: 'old', chain: [sha('b'), sha('c')] },
    ],
  );
  assert.deepEqual(
    groups.head.map((commit) => commit.rev),
    [sha('a'), sha('b')],
  );
  assert.deepEqual(
    groups.branches.map(({ branch, commits }) => [branch, commits.map((commit) => commit.rev)]),
    [
      ['feat', [sha('f'), sha('g')]],
      ['old', []],
    ],
  );
  assert.deepEqual(
    groups.branches[0]?.commits[0]?.experiments.map((row) => row.name),
    ['f1'],
  );
});

void test('a commit on two chosen branches goes to the first; one git does not know stays with HEAD', () => {
  const groups = groupCommits(
    model.commits,
    [sha('a')],
    [
      { branch: 'one', chain: [sha('f'), sha('g')] },
      { branch: 'two', chain: [sha('g')] },
    ],
  );
  assert.deepEqual(
    groups.head.map((commit) => commit.rev),
    [sha('a'), sha('b')],
  );
  assert.deepEqual(
    groups.branches.map(({ commits }) => commits.length),
    [2, 0],
  );
});

void test('without other branches every commit is HEAD’s', () => {
  assert.equal(ungroupedCommits(model.commits).head.length, 4);
  assert.deepEqual(ungroupedCommits(model.commits).branches, []);
});

void test('the chosen branches are kept per repository root; a malformed entry reads as none', async () => {
  const values = new Map<string, unknown>();
  const memento = {
    get: <T>(key: string): T | undefined => values.get(key) as T | undefined,
    update: (key: string, value: unknown): Promise<void> => {
      values.set(key, value);
      return Promise.resolve();
    },
  };
  await saveOtherBranches(memento, 'file:///a', ['feat', 'feat', 'dev']);
  assert.deepEqual(savedOtherBranches(memento, 'file:///a'), ['feat', 'dev']);
  assert.deepEqual(savedOtherBranches(memento, 'file:///b'), []);
  await saveOtherBranches(memento, 'file:///a', []);
  assert.deepEqual(savedOtherBranches(memento, 'file:///a'), []);
  values.set('dvcLens.experiments.otherBranches:file:///b', ['ok', 3, null]);
  assert.deepEqual(savedOtherBranches(memento, 'file:///b'), ['ok']);
});
