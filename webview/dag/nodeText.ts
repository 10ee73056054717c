import type { DagNodeView } from '../../src/core/protocols/dagProtocol';
import { formatDuration } from './durations';
import { runStateLabels, statusLabels } from './statusText';

/**
 * The second line of a node: what a run is doing with it (else its status) and its last run's duration.
 * At most `Always changed · 59 min 59 s`, so a fixed minimum node width holds it and a status change never
 * changes the layout.
 */
export function nodeDetail(node: DagNodeView): string {
  const state = node.runState ? runStateLabels[node.runState] : statusLabels[node.status];
  return node.lastDurationMs === undefined ? state : `${state} · ${formatDuration(node.lastDurationMs)}`;
}
