import type { DagNodeView } from '../../src/pipeline/dag/protocol';
import { formatDuration } from './durations';
import { runStateLabels, statusLabels } from './statusText';

/** The second line of a node: status, what a run does with it, how long its last run took. */
export function nodeDetail(node: DagNodeView): string {
  const detail = [statusLabels[node.status]];
  if (node.runState) detail.push(runStateLabels[node.runState]);
  if (node.lastDurationMs !== undefined) detail.push(formatDuration(node.lastDurationMs));
  return detail.join(' · ');
}
