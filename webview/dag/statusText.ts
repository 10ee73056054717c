import type { StageRunState, StageStatusKind } from '../../src/core/status/stageStatus';

/** The legend's words for each status; the same words as the tree. */
export const statusLabels: Record<StageStatusKind, string> = {
  upToDate: 'Up to date',
  changed: 'Changed',
  alwaysChanged: 'Always changed',
  frozen: 'Frozen',
  neverRun: 'Never run',
  unknown: 'Unknown',
};

export const runStateLabels: Record<StageRunState, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  skipped: 'Skipped',
};
