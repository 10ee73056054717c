import * as vscode from 'vscode';
import { settingKeys } from '../config/settings';

/** How many revisions besides the workspace the dashboard plots (`dvcLens.plots.maxRevisions`, 1–20). */
export function plotsMaxRevisions(): number {
  const value = vscode.workspace.getConfiguration().get<number>(settingKeys.plotsMaxRevisions, 5);
  return Math.max(1, Math.min(20, Math.floor(value)));
}
