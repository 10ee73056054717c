import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commitBadges } from '../../../src/core/registry/commitBadges';
import { buildRegistryState, gtoShowSummary } from '../../../src/core/registry/registryState';
import type { RegistryTag } from '../../../src/core/registry/registryTypes';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
let second = 1000;
const tag = (name: string, commit: string): RegistryTag => ({
  name,
  commit,
  taggedAt: second++,
  committedAt: 10,
});

void describe('registry state by GTO rules, and commit badges', () => {
  const tags = [
    tag('clf@v0.0.1', A),
    tag('clf@v0.1.0', B),
    tag('clf#prod#1', A),
    tag('clf#staging#2', B),
    tag('clf#prod#3', B),
    tag('clf#staging!#4', B),
    tag('old@v1.0.0', A),
    tag('old@deprecated', A),
    tag('lightweight-release', A),
  ];
  const state = buildRegistryState({
    tags,
    declared: [{ name: 'new', file: 'dvc.yaml', labels: [] }],
    head: { sha: B, committedAt: 50 },
  });

  void it('keeps the newest assignment per stage and drops unassigned ones', () => {
    assert.deepEqual(gtoShowSummary(state), {
      clf: { version: 'v0.1.0', stage: { prod: 'v0.1.0' }, registered: true, active: true },
      new: { version: null, stage: { prod: null }, registered: false, active: true },
    });
    assert.equal(state.artifacts.find((artifact) => artifact.name === 'old')?.deprecated, true);
  });

  void it('badges a commit with its versions, then its current stages', () => {
    assert.deepEqual(commitBadges(state, B), ['clf@v0.1.0', 'clf#prod']);
    assert.deepEqual(commitBadges(state, A), ['clf@v0.0.1']);
    assert.deepEqual(commitBadges(state, 'c'.repeat(40)), []);
    assert.deepEqual(commitBadges(undefined, A), []);
  });

  void it('deregistration takes a version out; the stage falls back to the earlier version still assigned (as gto show does)', () => {
    const later = buildRegistryState({ tags: [...tags, tag('clf@v0.1.0!', B)], declared: [] });
    const clf = later.artifacts.find((artifact) => artifact.name === 'clf');
    assert.equal(clf?.latest, 'v0.0.1');
    assert.deepEqual(clf?.stages, { prod: 'v0.0.1' });
    assert.deepEqual(commitBadges(later, B), []);
    assert.deepEqual(commitBadges(later, A), ['clf@v0.0.1', 'clf#prod']);
  });
});
