/**
 * The report feature: "Preview Report". Registered by src/extension.ts on its own (not by the history
 * feature, whose tools it uses) so that history does not import report while report imports history.
 */
import type * as vscode from 'vscode';
import { historyCommandIds } from '../history/historyCommandIds';
import type { HistoryToolDependencies } from '../history/historyTools';
import type { DisposableStore } from '../lifecycle/disposableStore';
import { registerTrustedCommand } from '../trust/trustedCommand';
import { previewReportCommand } from './previewReportCommand';

export interface ReportFeatureDependencies extends HistoryToolDependencies {
  readonly disposables: DisposableStore;
  readonly context: vscode.ExtensionContext;
}

export function registerReportFeatures(deps: ReportFeatureDependencies): void {
  const { context } = deps;
  deps.disposables.register(
    registerTrustedCommand(historyCommandIds.previewReport, (argument) =>
      previewReportCommand(deps, context.globalStorageUri, context.extensionUri, argument),
    ),
  );
}
