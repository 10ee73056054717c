import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExperimentRow } from '../../../src/core/experiments/experimentModel';
import { blameMovement, movementHoverLine, movementText } from '../../../src/core/history/blameMovement';
import { paramAnnotationText, paramHoverLines } from '../../../src/core/history/paramAnnotationText';

function row(metrics: ExperimentRow['metrics'], fileErrors: Record<string, string> = {}): ExperimentRow {
  return {
    kind: 'commit',
    id: 'a'.repeat(40),
    rev: 'a'.repeat(40),
    name: undefined,
    label: 'a',
    state: undefined,
    timestamp: undefined,
    params: { 'params.yaml': { 'train.lr': 0.1 } },
    metrics,
    deps: {},
    fileErrors,
    error: undefined,
    executor: undefined,
    baseline: undefined,
  };
}

const commit = { sha: 'b'.repeat(40), subject: 'Tune lr', author: 'Ada', date: '2026-11-29T10:00:00+00:00' };
const blamed = { kind: 'commit' as const, sha: commit.sha, previous: '0.5' };

void describe('param blame: how the headline metric moved in the blamed commit', () => {
  void it('takes the headline metric against the parent, with the verdict by direction', () => {
    const after = row({ 'metrics.json': { loss: 0.3, accuracy: 0.9 } });
    const before = row({ 'metrics.json': { loss: 0.4, accuracy: 0.85 } });
    const first = blameMovement(after, before, {});
    assert.equal(first.kind, 'moved');
    // Without a setting the first numeric metric leads; loss is lower-is-better by name.
    assert.equal(movementText(first), 'loss 0.3 ▼-0.1');
    assert.equal(first.kind === 'moved' && first.verdict, 'better');
    const accuracy = blameMovement(after, before, { accuracy: 'lower' }, 'accuracy');
    assert.equal(movementText(accuracy), 'accuracy 0.9 ▲+0.05');
    assert.equal(accuracy.kind === 'moved' && accuracy.verdict, 'worse', 'the direction setting decides');
    assert.match(movementHoverLine(accuracy), /metrics\.json accuracy: 0\.85 → 0\.9 \(▲\+0\.05.*, worse\)/);
    assert.equal(movementText(blameMovement(after, after, {})), 'loss 0.3 (unchanged)');
    assert.equal(movementText(blameMovement(after, undefined, {})), 'loss 0.3 (new)');
  });

  void it('says metrics are not available when DVC could not read them there', () => {
    const missing = row({}, { 'metrics.json': 'not in cache' });
    const movement = blameMovement(missing, row({ 'metrics.json': { loss: 1 } }), {});
    assert.equal(movement.kind, 'unavailable');
    assert.equal(movementText(movement), 'metrics not available');
    assert.match(movementHoverLine(movement), /not available.*metrics\.json: not in cache/);
    assert.equal(blameMovement(undefined, undefined, {}).kind, 'unavailable');
    // A headline the commit lacks falls back to its first number.
    assert.equal(
      movementText(blameMovement(row({ 'm.json': { loss: 1 } }), undefined, {}, 'f1')),
      'loss 1 (new)',
    );
  });

  void it('the annotation and hover carry the movement; lines without a blamed commit do not', () => {
    const movement = blameMovement(
      row({ 'metrics.json': { accuracy: 0.9 } }),
      row({ 'metrics.json': { accuracy: 0.8 } }),
      {},
    );
    const input = {
      key: 'train.lr',
      headValue: '0.1',
      workspaceValue: '0.1',
      blame: blamed,
      commit,
      movement,
    };
    assert.equal(
      paramAnnotationText(input),
      'HEAD 0.1 · was 0.5 before bbbbbbb Ada, 2026-11-29 "Tune lr" · accuracy 0.9 ▲+0.1',
    );
    assert.ok(
      paramHoverLines(input).some((line) => /accuracy: 0\.8 → 0\.9 \(▲\+0\.1.*, better\)/.test(line)),
    );
    assert.match(paramAnnotationText({ ...input, movement: { kind: 'loading' } }), / · metrics…$/);
    assert.equal(
      paramAnnotationText({ ...input, blame: { kind: 'beyond' }, commit: undefined }),
      'HEAD 0.1 · unchanged in the commits searched',
    );
  });
});
