import * as vscode from 'vscode';
import { processTimeoutMsFromSetting } from './processTimeout';

/** Typed access to the `dvcLens.*` settings declared in package.json (a suite test checks they match). */
export const settingKeys = {
  dvcPath: 'dvcLens.dvcPath',
  pythonPath: 'dvcLens.pythonPath',
  pipelineRefreshDelay: 'dvcLens.pipeline.refreshDelay',
  processTimeout: 'dvcLens.processTimeout',
  dataCheckRemote: 'dvcLens.data.checkRemote',
  dataDiffMaxBytes: 'dvcLens.data.diffMaxBytes',
  experimentsCommitCount: 'dvcLens.experiments.commitCount',
  experimentsHeadlineMetric: 'dvcLens.experiments.headlineMetric',
  experimentsWorkers: 'dvcLens.experiments.workers',
  experimentsMetricDirections: 'dvcLens.experiments.metricDirections',
  metricsRegressionWarning: 'dvcLens.metrics.regressionWarning',
  metricsBaselineRef: 'dvcLens.metrics.baselineRef',
  plotsMaxRevisions: 'dvcLens.plots.maxRevisions',
  ciMainBranch: 'dvcLens.ci.mainBranch',
  historyParamAnnotations: 'dvcLens.history.paramAnnotations',
  historyAnnotateChangedLines: 'dvcLens.history.annotateChangedLines',
  computeTargets: 'dvcLens.computeTargets',
  dataMissingDataNotice: 'dvcLens.data.missingDataNotice',
  pipelineConfirmReproduceAll: 'dvcLens.pipeline.confirmReproduceAll',
  gtoPath: 'dvcLens.gtoPath',
  registryManifestPath: 'dvcLens.registry.manifestPath',
  registryManifestKey: 'dvcLens.registry.manifestKey',
  registryManifestStage: 'dvcLens.registry.manifestStage',
} as const;

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration();
}

export function dvcPathSetting(): string {
  return section().get<string>(settingKeys.dvcPath, '').trim();
}

export function pythonPathSetting(): string {
  return section().get<string>(settingKeys.pythonPath, '').trim();
}

export function pipelineRefreshDelayMs(): number {
  return Math.max(0, section().get<number>(settingKeys.pipelineRefreshDelay, 300));
}

/** How long a DVC or git read may run (the hub hands it to the repository's CLIs). */
export function processTimeoutMs(): number {
  return processTimeoutMsFromSetting(section().get<unknown>(settingKeys.processTimeout));
}

export function affectsDvcLocation(event: vscode.ConfigurationChangeEvent): boolean {
  return (
    event.affectsConfiguration(settingKeys.dvcPath) || event.affectsConfiguration(settingKeys.pythonPath)
  );
}

/** The branch generated CI workflows compare against and run on. */
export function ciMainBranchSetting(): string {
  return section().get<string>(settingKeys.ciMainBranch, 'main').trim() || 'main';
}

/** Whether params files show the value at HEAD and its blame at the end of the cursor's line. */
export function historyParamAnnotationsSetting(): boolean {
  return section().get<boolean>(settingKeys.historyParamAnnotations, true);
}

/** Whether every line whose value differs from HEAD is annotated, not only the cursor's. */
export function historyAnnotateChangedLinesSetting(): boolean {
  return section().get<boolean>(settingKeys.historyAnnotateChangedLines, false);
}

/** Whether the status bar warns when a metric in the workspace is worse than at HEAD. */
