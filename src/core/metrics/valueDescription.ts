/** How a Metrics view row reads: the workspace value, then its change against HEAD when there is one. */
import type { ExperimentValue } from '../experiments/experimentModel';
import { formatExperimentValue } from '../experiments/headlineMetric';
import { formatDelta, formatRelative } from '../experimentsTable/numberFormat';
import type { WorkspaceValue } from './workspaceVsHead';

function shown(value: ExperimentValue | undefined): string {
  return value === undefined ? '—' : formatExperimentValue(value);
}

/** `0.96  ↑ +0.02 (+2.1%)`: the value, then its change against HEAD when there is one. */
export function valueDescription(value: WorkspaceValue): string {
  if (value.trend === 'same') return shown(value.value);
  if (value.absolute !== undefined) {
    const arrow = value.absolute > 0 ? '↑' : '↓';
    const relative = value.relative === undefined ? '' : ` (${formatRelative(value.relative)})`;
    return `${shown(value.value)}  ${arrow} ${formatDelta(value.absolute)}${relative}`;
  }
  if (value.head === undefined) return `${shown(value.value)}  (new)`;
  if (value.value === undefined) return `removed (HEAD: ${shown(value.head)})`;
  return `${shown(value.value)}  (HEAD: ${shown(value.head)})`;
}
