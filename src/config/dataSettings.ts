import * as vscode from 'vscode';
import { settingKeys } from './settings';

/** `dvcLens.data.checkRemote`: every data status read also asks the default remote (network, slower). */
export function dataCheckRemoteSetting(): boolean {
  return vscode.workspace.getConfiguration().get<boolean>(settingKeys.dataCheckRemote, false);
}

/** `dvcLens.data.diffMaxBytes`: a side of a data diff larger than this shows a message instead of its text. */
export function dataDiffMaxBytesSetting(): number {
  const value = vscode.workspace.getConfiguration().get<number>(settingKeys.dataDiffMaxBytes, 5_000_000);
  return Number.isFinite(value) && value > 0 ? value : 5_000_000;
}
