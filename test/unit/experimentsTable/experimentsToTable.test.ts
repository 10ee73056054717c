import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseExpShow } from '../../../src/core/experiments/parseExpShow';
import { experimentsTableData } from '../../../src/core/experimentsTable/experimentsToTable';
import { decodeColumn, toTableSnapshot } from '../../../src/core/experimentsTable/tableValues';
import { expShowFixture } from '../experiments/expShowFixtures';

void describe('the experiments model as table rows and columns (recorded DVC 3.67.1 output)', () => {
  void it('nests experiments under their commit and keeps their state', () => {
    const { rows } = experimentsTableData(parseExpShow(expShowFixture('queued.json')));
    const head = rows.find((row) => row.kind === 'commit');
    assert.equal(rows[0]?.id, 'workspace');
    assert.equal(rows[0]?.sha, undefined);
    const small = rows.find((row) => row.label === 'lr-small');
    assert.equal(small?.parentId, head?.id);
    assert.equal(small?.state, 'success');
    assert.equal(rows.find((row) => row.label === 'slow')?.state, 'queued');
  });

  void it('groups metrics, then params, then hidden dependency hashes, by file', () => {
    const { columns, rows } = experimentsTableData(parseExpShow(expShowFixture('queued.json')));
    const kinds = columns.map((column) => column.kind);
    assert.deepEqual([...new Set(kinds)], ['metrics', 'params', 'deps']);
    const rate = columns.find((column) => column.id === 'params:params.yaml:train.learning_rate');
    assert.equal(rate?.group, 'params:params.yaml');
    assert.equal(rate?.label, 'learning_rate');
    assert.equal(rate?.type, 'number');
    assert.ok(columns.filter((column) => column.kind === 'deps').every((column) => column.hiddenByDefault));
    const small = rows.find((row) => row.label === 'lr-small');
    assert.equal(small?.values['params:params.yaml:train.learning_rate'], 0.1);
  });

  void it('carries NaN and Infinity through the wire snapshot', () => {
    const { columns, rows } = experimentsTableData(parseExpShow(expShowFixture('special-values.json')));
    const snapshot = toTableSnapshot(columns, rows);
    const specials = snapshot.values
      .flatMap((text) => decodeColumn(text, snapshot.rows.length))
      .filter((value) => typeof value === 'number' && !Number.isFinite(value));
    assert.ok(specials.some((value) => Number.isNaN(value)));
    assert.ok(specials.includes(Infinity));
  });
});
