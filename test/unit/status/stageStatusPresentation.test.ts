import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StageStatusKind } from '../../../src/core/status/stageStatus';
import { stageStatusPresentation } from '../../../src/core/status/stageStatusPresentation';

void test('one icon per status kind, and the reasons in the tooltip', () => {
  const icons: Record<StageStatusKind, string> = {
    upToDate: 'pass',
    changed: 'warning',
    alwaysChanged: 'sync',
    frozen: 'lock',
    neverRun: 'circle-outline',
    unknown: 'question',
  };
  for (const [kind, codicon] of Object.entries(icons) as [StageStatusKind, string][])
    assert.equal(stageStatusPresentation({ kind, reasons: [] }).codicon, codicon, kind);

  const changed = stageStatusPresentation({ kind: 'changed', reasons: ['params modified: train.epochs'] });
  assert.equal(changed.label, 'changed');
  assert.equal(changed.themeColor, 'list.warningForeground');
  assert.match(changed.tooltip, /params modified: train\.epochs/);
  assert.equal(stageStatusPresentation({ kind: 'upToDate', reasons: [] }).themeColor, 'testing.iconPassed');
});
