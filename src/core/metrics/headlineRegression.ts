/**
 * The regression the status bar warns about: the workspace's headline metric (`dvcLens.experiments.headlineMetric`,
 * else the first metric) worse than at the baseline commit (HEAD, or the ref `dvcLens.metrics.baselineRef`
 * names), by the metric's direction. Only the headline: a warning for every metric that wobbles is noise.
 */
import type { ExperimentRow } from '../experiments/experimentModel';
import { headlineMetric } from '../experiments/headlineMetric';
import { regressions, type FileValue } from './metricsSummary';
import { workspaceVsRow } from './workspaceVsHead';

/** True when the setting means "compare with HEAD" (the experiments store already has HEAD's row). */
export function isHeadBaseline(ref: string): boolean {
  const trimmed = ref.trim();
  return trimmed === '' || trimmed === 'HEAD' || trimmed === '@';
}

export function headlineRegressions(
  workspace: ExperimentRow | undefined,
  baseline: ExperimentRow | undefined,
  directions: Readonly<Record<string, unknown>>,
  headlineSetting: string,
): FileValue[] {
  if (!workspace || !baseline) return [];
  const headline = headlineMetric(workspace, headlineSetting);
  if (!headline) return [];
  return regressions(workspaceVsRow(workspace, baseline, baseline.label, directions)).filter(
    (value) => value.file === headline.file && value.key === headline.key,
  );
}
