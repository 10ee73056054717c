import type { DagNodeView } from '../../src/core/protocols/dagProtocol';
import { formatDuration } from './durations';
import { runStateLabels, statusLabels } from './statusText';

/**
 * The second line of a node: what a run is doing with it (else its status) and its last run's duration.
 * At most `Always changed · 59 min 59 s`, so a fixed minimum node width holds it and a status change never
 * changes the layout.
 */
export function nodeDetail(node: DagNodeView): string {
  if (node.source) return sourceDetail(node.source);
  const state = node.runState ? runStateLabels[node.runState] : statusLabels[node.status];
  return node.lastDurationMs === undefined ? state : `${state} · ${formatDuration(node.lastDurationMs)}`;
}

/** A data source says what it is instead of a stage status: `import (frozen)`, `dvc add`, `import-url`. */
function sourceDetail(source: NonNullable<DagNodeView['source']>): string {
  const kind =
    source.kind === 'import' ? 'import' : source.kind === 'importUrl' ? 'import-url' : 'data (dvc add)';
  return source.frozen ? `${kind} · frozen` : kind;
}
