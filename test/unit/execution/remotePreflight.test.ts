/** The preflight before a remote run: ready, push what is missing (after asking), or blocked with a reason. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decidePreflight, type PreflightFacts } from '../../../src/core/execution/remotePreflight';

const sha = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const facts: PreflightFacts = {
  baseline: sha,
  gitRemote: 'origin',
  gitRemotes: ['origin'],
  branch: 'main',
  commitOnRemote: true,
  dataNotInRemote: [],
};

void test('commit and data on the remotes: ready', () => {
  assert.deepEqual(decidePreflight(facts), { kind: 'ready' });
});

void test('the commit missing from the git remote: one line, and a git push of the branch', () => {
  assert.deepEqual(decidePreflight({ ...facts, commitOnRemote: false }), {
    kind: 'push',
    missing: "The baseline commit a1b2c3d is not on git remote 'origin'.",
    gitPush: { remote: 'origin', branch: 'main' },
    dataPush: false,
  });
});

void test('data missing from the DVC remote: named (three, then a count), and a dvc push', () => {
  const decision = decidePreflight({ ...facts, dataNotInRemote: ['data', 'model.pkl', 'a', 'b', 'c'] });
  assert.deepEqual(decision, {
    kind: 'push',
    missing: '5 data outputs (data, model.pkl, a and 2 more) are not on the DVC remote.',
    gitPush: undefined,
    dataPush: true,
  });
});

void test('both missing: both said in one line, both pushed', () => {
  const decision = decidePreflight({ ...facts, commitOnRemote: false, dataNotInRemote: ['data.csv'] });
  assert.equal(decision.kind, 'push');
  if (decision.kind !== 'push') return;
  assert.equal(
    decision.missing,
    "The baseline commit a1b2c3d is not on git remote 'origin', and its data (data.csv) is not on the DVC remote.",
  );
  assert.ok(decision.gitPush && decision.dataPush);
});

void test('no such git remote: blocked, saying how to add it', () => {
  const decision = decidePreflight({ ...facts, gitRemote: 'upstream' });
  assert.equal(decision.kind, 'blocked');
  assert.match(
    decision.kind === 'blocked' ? decision.message : '',
    /no git remote 'upstream'.*git remote add/,
  );
});

void test('a detached HEAD whose commit is not on the remote: blocked (no branch to push)', () => {
  const decision = decidePreflight({ ...facts, branch: undefined, commitOnRemote: false });
  assert.equal(decision.kind, 'blocked');
  assert.match(decision.kind === 'blocked' ? decision.message : '', /HEAD is detached/);
});

void test('a detached HEAD whose commit is on the remote is fine', () => {
  assert.deepEqual(decidePreflight({ ...facts, branch: undefined }), { kind: 'ready' });
});

void test("DVC could not check the DVC remote: blocked with DVC's first line", () => {
  const decision = decidePreflight({ ...facts, dataCheckError: '\nERROR: no remote specified\nmore' });
  assert.equal(decision.kind, 'blocked');
  assert.match(decision.kind === 'blocked' ? decision.message : '', /: ERROR: no remote specified$/);
});
