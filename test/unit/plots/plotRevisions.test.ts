import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseExpShow } from '../../../src/core/experiments/parseExpShow';
import { plotRevisions, revisionOfRow, revisionsOfRowIds } from '../../../src/core/plots/plotRevisions';
import { expShowFixture } from '../experiments/expShowFixtures';

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

  void it('turns the experiments table rows selected for Plot into revisions DVC accepts', () => {
    const model = parseExpShow(expShowFixture('finished.json'));
    const head = model.commits[0];
    const lrSmall = head?.experiments.find((row) => row.name === 'lr-small');
    assert.ok(head && lrSmall);
    assert.deepEqual(revisionsOfRowIds(model, ['workspace', head.id, lrSmall.id, 'unknown']), [
      'workspace',
      'main',
      'lr-small',
    ]);
    assert.deepEqual(revisionsOfRowIds(undefined, ['workspace', 'abc']), ['workspace']);
  });
});
