/**
 * The report feature: "Preview Report". Registered by src/extension.ts on its own (not by the history
 * feature, whose tools it uses) so that history does not import report while report imports history.
 */
import type * as vscode from 'vscode';
import { historyCommandIds } from '../history';
import type { RepositoryCommands } from '../repository/command';
import { previewReportCommand, previewReportOptions } from './previewReportCommand';

export interface ReportFeatureDependencies {
  readonly context: vscode.ExtensionContext;
  readonly commands: RepositoryCommands;
}

export function registerReportFeatures({ context, commands }: ReportFeatureDependencies): void {
  commands.repositoryCommand(historyCommandIds.previewReport, previewReportOptions, (runtime) =>
    previewReportCommand(context.globalStorageUri, context.extensionUri, runtime),
  );
}
