/** How a history commit reads in the tree: headline metrics with signed changes, markers, a tooltip table. */
import * as vscode from 'vscode';
import { formatExperimentValue } from '../core/experiments/headlineMetric';
import { formatDelta } from '../core/experimentsTable/numberFormat';
import type { HistoryEntry, MetricAtCommit } from '../core/history/historyEntries';
import type { ChangeVerdict } from '../core/report/reportMarkdown';

/** How many metrics the description shows (all of them are in the tooltip). */
const HEADLINE_COUNT = 2;

const verdictColors: Partial<Record<ChangeVerdict, string>> = {
  better: 'charts.green',
  worse: 'charts.red',
};

export function headlineMetrics(entry: HistoryEntry, headline: string): MetricAtCommit[] {
  if (entry.metrics.kind !== 'available') return [];
  const numeric = entry.metrics.values.filter((metric) => typeof metric.value === 'number');
  const wanted = headline.trim();
  const first = wanted
    ? numeric.filter((metric) => metric.key === wanted || `${metric.file}:${metric.key}` === wanted)
    : [];
  return [...first, ...numeric.filter((metric) => !first.includes(metric))].slice(0, HEADLINE_COUNT);
}

export function metricText(metric: MetricAtCommit): string {
  const value = `${metric.key} ${formatExperimentValue(metric.value)}`;
  if (metric.delta === undefined || metric.delta === 0) return value;
  return `${value} ${metric.delta > 0 ? '▲' : '▼'}${formatDelta(Number(metric.delta.toPrecision(4)))}`;
}

export function commitDescription(entry: HistoryEntry, headline: string): string {
  const parts = [entry.sha.slice(0, 7)];
  if (entry.metrics.kind === 'loading') parts.push('metrics…');
  else if (entry.metrics.kind === 'unavailable')
    parts.push(entry.metrics.notInCache ? 'metrics: data not in the local cache' : 'metrics unavailable');
  else parts.push(...headlineMetrics(entry, headline).map(metricText));
  if (entry.markers.length > 0) parts.push(`[${entry.markers.join(', ')}]`);
  return parts.join(' · ');
}

/** The metrics files of the commit whose data is not in the local cache (the row then offers Pull). */
export function commitNotInCache(entry: HistoryEntry): readonly string[] {
  return entry.metrics.kind === 'loading' ? [] : (entry.metrics.notInCache ?? []);
}

/** The icon: a commit, coloured by the first headline metric's verdict; hollow for commits DVC ignores. */
export function commitIcon(entry: HistoryEntry, headline: string): vscode.ThemeIcon {
  if (entry.markers.length === 0) return new vscode.ThemeIcon('circle-small');
  const verdict = headlineMetrics(entry, headline)[0]?.verdict;
  const color = verdict ? verdictColors[verdict] : undefined;
  return new vscode.ThemeIcon('git-commit', color ? new vscode.ThemeColor(color) : undefined);
}

export function commitTooltip(entry: HistoryEntry): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendText(`${entry.subject}\n\n${entry.sha}\n${entry.author}, ${entry.date}\n\n`);
  if (entry.markers.length > 0) tooltip.appendText(`Changed: ${entry.markers.join(', ')}\n\n`);
  if (entry.metrics.kind === 'unavailable') tooltip.appendText(entry.metrics.reason);
  else if (entry.metrics.kind === 'available')
    for (const metric of entry.metrics.values) tooltip.appendText(`${metric.file}: ${metricText(metric)}\n`);
  return tooltip;
}
