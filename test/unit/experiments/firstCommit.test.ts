import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstCommitFiles, needsFirstCommit } from '../../../src/core/experiments/firstCommit';
import { parseExpShow } from '../../../src/core/experiments/parseExpShow';

void test('DVC prints [] for a repository without commits: it needs a first commit', () => {
  assert.equal(needsFirstCommit(parseExpShow([])), true);
  const one = parseExpShow([
    { rev: 'workspace', data: {} },
    { rev: 'a'.repeat(40), name: 'main', data: {} },
  ]);
  assert.equal(needsFirstCommit(one), false);
});

void test('the first commit holds DVC config, the pipeline, params files and tracking files only', () => {
  const changed = [
    '.dvc/config',
    '.dvc/.gitignore',
    '.dvcignore',
    'dvc.yaml',
    'dvc.lock',
    'params.yaml',
    'params.json',
    'conf/params_train.toml',
    'params.py',
    'data/raw.csv.dvc',
    'data/.gitignore',
    '.gitignore',
    'train.py',
    'data/raw.csv',
    '.env',
    'notes/dvc.yaml.bak',
    'paramsy.txt',
  ];
  assert.deepEqual(firstCommitFiles(changed), [
    '.dvc/.gitignore',
    '.dvc/config',
    '.dvcignore',
    '.gitignore',
    'conf/params_train.toml',
    'data/.gitignore',
    'data/raw.csv.dvc',
    'dvc.lock',
    'dvc.yaml',
    'params.json',
    'params.py',
    'params.yaml',
  ]);
});
