import * as vscode from 'vscode';
import { isTrusted, restrictedModeMessage } from './workspaceTrust';

/**
 * A command that runs processes: in Restricted Mode it refuses with the Restricted Mode warning, even when
 * another command or a test invokes it programmatically (the menus' `when` clauses only hide it).
 */
export function registerTrustedCommand(
  id: string,
  handler: (argument: unknown) => unknown,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, (argument: unknown) => {
    if (isTrusted()) return handler(argument);
    void vscode.window.showWarningMessage(restrictedModeMessage);
    return undefined;
  });
}
