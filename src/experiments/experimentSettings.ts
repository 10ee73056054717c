import * as vscode from 'vscode';
import { settingKeys } from '../config/settings';

/** The experiments settings declared in package.json. */
export const experimentSettingKeys = {
  commitCount: settingKeys.experimentsCommitCount,
  headlineMetric: settingKeys.experimentsHeadlineMetric,
  workers: settingKeys.experimentsWorkers,
  metricDirections: settingKeys.experimentsMetricDirections,
} as const;

/** How many commits of the current branch the Experiments view lists at first (and adds per "Show more"). */
export function experimentsCommitCount(): number {
  const value = vscode.workspace.getConfiguration().get<number>(experimentSettingKeys.commitCount, 10);
  return Math.max(1, Math.min(500, Math.floor(value)));
}

/** `metric` or `file:metric`; empty: the first metric of the first metrics file. */
export function headlineMetricSetting(): string {
  return vscode.workspace.getConfiguration().get<string>(experimentSettingKeys.headlineMetric, '').trim();
}

/** The worker count Start Workers offers first. */
export function defaultWorkerCount(): number {
  const value = vscode.workspace.getConfiguration().get<number>(experimentSettingKeys.workers, 1);
  return Math.max(1, Math.floor(value));
}

/** Per metric (`loss` or `metrics.json:loss`), whether `higher` or `lower` is better; colours table deltas. */
export function metricDirectionsSetting(): Readonly<Record<string, unknown>> {
  const value = vscode.workspace.getConfiguration().get<unknown>(experimentSettingKeys.metricDirections, {});
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
