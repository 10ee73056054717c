import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  orderCommitRefs,
  stableCommitName,
  stableRegistryName,
  type CommitRef,
} from '../../../src/core/refs/stableRefName';

void describe('the stable name of a commit with several refs', () => {
  const refs: CommitRef[] = [
    { name: 'model#prod#2', kind: 'tag' },
    { name: 'model@v1.0.0', kind: 'tag' },
    { name: 'release-1', kind: 'tag' },
    { name: 'model@v1.10.0', kind: 'tag' },
    { name: 'main', kind: 'branch' },
    { name: 'feature', kind: 'branch' },
  ];

  void it('puts branches first, then plain tags, then versions (highest first), then stage tags', () => {
    assert.deepEqual(
      orderCommitRefs(refs).map((ref) => ref.name),
      ['feature', 'main', 'release-1', 'model@v1.10.0', 'model@v1.0.0', 'model#prod#2'],
    );
  });

  void it('gives the same name whatever order git listed the refs in', () => {
    const names = new Set<string | undefined>();
    for (let shift = 0; shift < refs.length; shift++)
      names.add(stableCommitName([...refs.slice(shift), ...refs.slice(0, shift)].reverse()));
    assert.deepEqual([...names], ['feature']);
    assert.equal(stableCommitName(refs.filter((ref) => ref.kind === 'tag')), 'release-1');
    assert.equal(
      stableCommitName([
        { name: 'm#prod#3', kind: 'tag' },
        { name: 'm@v0.0.2', kind: 'tag' },
      ]),
      'm@v0.0.2',
    );
    assert.equal(stableCommitName([]), undefined);
  });
});

void describe('the stable name of a commit row DVC named by a registry tag', () => {
  void it('picks by the rule among the commit registry tags, whichever DVC met first', () => {
    const tags = ['m#prod#2', 'm@v0.0.1', 'm@v0.1.0'];
    for (const dvcName of tags) assert.equal(stableRegistryName(dvcName, tags), 'm@v0.1.0');
    assert.equal(stableRegistryName('main', tags), undefined);
    assert.equal(stableRegistryName(undefined, tags), undefined);
  });
});
