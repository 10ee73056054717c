import * as vscode from 'vscode';
import type { DvcLocator } from './dvcLocator';
import { describeChosen } from './discoveryDescription';
import { setupCommandIds } from './setupCommandIds';
import { logCommandIds } from '../log/logCommandIds';

/** The status-bar item that says which DVC is used, or warns that none was found and offers to fix it. */
export class DvcStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'dvcLens.dvcVersion',
    vscode.StatusBarAlignment.Left,
    10,
  );
  private readonly subscription: vscode.Disposable;

  constructor(private readonly locator: DvcLocator) {
    this.item.name = 'DVC Lens: DVC version';
    this.subscription = locator.onDidChange(() => this.render());
  }

  showRestricted(): void {
    this.item.text = '$(shield) DVC Lens';
    this.item.tooltip =
      'Restricted Mode: DVC Lens reads files only and runs nothing until you trust this workspace.';
    this.item.command = 'workbench.trust.manage';
    this.item.backgroundColor = undefined;
    this.item.show();
  }

  render(): void {
    const discovery = this.locator.discovery;
    const chosen = discovery?.chosen;
    if (chosen) {
      this.item.text = `$(check) DVC ${chosen.version}`;
      this.item.tooltip = describeChosen(chosen);
      this.item.command = logCommandIds.showLog;
      this.item.backgroundColor = undefined;
    } else {
      this.item.text = '$(warning) DVC not found';
      this.item.tooltip =
        'DVC Lens could not find a usable DVC (3.0 or newer). Click to choose an executable.';
      this.item.command = setupCommandIds.selectDvcExecutable;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    }
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
