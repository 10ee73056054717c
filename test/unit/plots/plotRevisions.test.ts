import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plotRevisions, revisionOfRow } from '../../../src/core/plots/plotRevisions';

void describe('plot revisions', () => {
  void it('puts the workspace first and keeps at most max others, without duplicates or flags', () => {
    assert.deepEqual(plotRevisions(['a', 'workspace', 'b', 'a', '-x', ' ', 'c'], 2), ['workspace', 'a', 'b']);
    assert.deepEqual(plotRevisions([], 5), ['workspace']);
  });

  void it('names a row as DVC accepts it', () => {
    assert.equal(revisionOfRow({ kind: 'workspace', name: undefined, rev: 'workspace' }), 'workspace');
    assert.equal(revisionOfRow({ kind: 'experiment', name: 'lr-small', rev: 'abcdef123456' }), 'lr-small');
    assert.equal(revisionOfRow({ kind: 'commit', name: undefined, rev: 'abcdef123456' }), 'abcdef1');
  });
});
