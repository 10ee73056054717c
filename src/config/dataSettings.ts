import * as vscode from 'vscode';
import { settingKeys } from './settings';

/** `dvcLens.data.checkRemote`: every data status read also asks the default remote (network, slower). */
export function dataCheckRemoteSetting(): boolean {
  return vscode.workspace.getConfiguration().get<boolean>(settingKeys.dataCheckRemote, false);
}
