/**
 * What the workspace changed against HEAD (or a baseline ref), from `dvc exp diff <ref> --json`: the rows of
 * the "Metrics vs HEAD" view, the metrics that got worse (for the status-bar warning) and the summary a
 * commit message can carry.
 */
import type { ExperimentDiffEntry } from '../experiments/parseExpDiff';
import { formatExperimentValue } from '../experiments/headlineMetric';
import { metricDirection } from '../experimentsTable/metricDirections';
import { formatDelta } from '../experimentsTable/numberFormat';
import { changeVerdict, type ChangeVerdict } from '../report/reportMarkdown';

export interface WorkspaceChange extends ExperimentDiffEntry {
  readonly verdict: ChangeVerdict;
}

export function workspaceChanges(
  entries: readonly ExperimentDiffEntry[],
  directions: Readonly<Record<string, unknown>>,
): WorkspaceChange[] {
  return entries
    .filter((entry) => JSON.stringify(entry.old ?? null) !== JSON.stringify(entry.new ?? null))
    .map((entry) => ({
      ...entry,
      verdict:
        entry.kind === 'metric'
          ? changeVerdict(entry.diff, metricDirection(entry.file, entry.key, directions))
          : 'neutral',
    }));
}

/** Metrics that moved the wrong way; only the headline one when a headline is set (`key` or `file:key`). */
export function regressions(changes: readonly WorkspaceChange[], headline: string): WorkspaceChange[] {
  const wanted = headline.trim();
  return changes.filter(
    (change) =>
      change.kind === 'metric' &&
      change.verdict === 'worse' &&
      (!wanted || change.key === wanted || `${change.file}:${change.key}` === wanted),
  );
}

/** `old → new (±delta)` for one change. */
export function changeText(change: ExperimentDiffEntry): string {
  const old = change.old === undefined || change.old === null ? '—' : formatExperimentValue(change.old);
  const value = change.new === undefined || change.new === null ? '—' : formatExperimentValue(change.new);
  const delta = change.diff === undefined ? '' : ` (${formatDelta(Number(change.diff.toPrecision(4)))})`;
  return `${old} → ${value}${delta}`;
}

const verdictWords: Partial<Record<ChangeVerdict, string>> = { better: ' better', worse: ' worse' };

/** A plain-text block for a commit message: params first, then metrics, one line each. */
export function commitMessageSummary(changes: readonly WorkspaceChange[], base: string): string {
  if (changes.length === 0) return '';
  const line = (change: WorkspaceChange): string =>
    `- ${change.key}: ${changeText(change)}${verdictWords[change.verdict] ?? ''}`;
  const params = changes.filter((change) => change.kind === 'param').map(line);
  const metrics = changes.filter((change) => change.kind === 'metric').map(line);
  return [
    `DVC changes vs ${base}:`,
    ...(params.length > 0 ? ['Params:', ...params] : []),
    ...(metrics.length > 0 ? ['Metrics:', ...metrics] : []),
  ].join('\n');
}
