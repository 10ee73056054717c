/**
 * What the workspace changes against HEAD, as text: the regressions the status bar warns about, and the
 * Markdown summary the Source Control button puts into the commit message.
 */
import type { ExperimentValue } from '../experiments/experimentModel';
import { formatExperimentValue } from '../experiments/headlineMetric';
import { formatDelta, formatRelative } from '../experimentsTable/numberFormat';
import type { WorkspaceValue, WorkspaceVsHead } from './workspaceVsHead';

export interface FileValue extends WorkspaceValue {
  readonly file: string;
}

/** Metrics that got worse than HEAD (by their direction), in file and key order. */
export function regressions(comparison: WorkspaceVsHead): FileValue[] {
  return comparison.files
    .filter((file) => file.kind === 'metrics')
    .flatMap((file) =>
      file.values.filter((value) => value.trend === 'worse').map((value) => ({ ...value, file: file.file })),
    );
}

function shown(value: ExperimentValue | undefined): string {
  return value === undefined ? '(none)' : formatExperimentValue(value);
}

/** `accuracy ↓ -0.02`: short enough for the status bar. */
export function shortChange(value: FileValue): string {
  const arrow = value.absolute === undefined ? '' : value.absolute > 0 ? '↑ ' : '↓ ';
  return `${value.key} ${arrow}${value.absolute === undefined ? shown(value.value) : formatDelta(value.absolute)}`;
}

const verdicts = { better: ' (better)', worse: ' (worse)', changed: '', same: '' } as const;

function line(file: string, value: WorkspaceValue): string {
  const change =
    value.absolute === undefined
      ? ''
      : ` (${formatDelta(value.absolute)}${value.relative === undefined ? '' : `, ${formatRelative(value.relative)}`})`;
  return `- ${file} ${value.key}: ${shown(value.head)} → ${shown(value.value)}${change}${verdicts[value.trend]}`;
}

/**
 * A commit-message block of the metrics and params that differ from HEAD, metrics first, or undefined when
 * nothing differs. Plain Markdown lists: readable in `git log` as much as on a forge.
 */
export function metricsCommitSummary(comparison: WorkspaceVsHead): string | undefined {
  const sections: string[] = [];
  for (const [kind, title] of [
    ['metrics', 'Metrics'],
    ['params', 'Params'],
  ] as const) {
    const lines = comparison.files
      .filter((file) => file.kind === kind)
      .flatMap((file) =>
        file.values.filter((value) => value.trend !== 'same').map((value) => line(file.file, value)),
      );
    if (lines.length > 0)
      sections.push(`${title} vs ${comparison.headLabel ?? 'HEAD'}:\n${lines.join('\n')}`);
  }
  return sections.length > 0 ? sections.join('\n\n') : undefined;
}
