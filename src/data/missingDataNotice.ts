/**
 * One notice per repository when it is first read (issue 13 item 2): on a fresh clone nothing is pulled, and
 * that is a state with an action, not an error: "7 outputs, 3.4 kB, are not in the local cache. Pull / Not
 * now". Counted from `dvc data status` (already read for the Data view) and the sizes the files record.
 */
import * as vscode from 'vscode';
import { settingKeys } from '../config/settings';
import { missingDataSentence, missingFromCache } from '../core/data/missingData';
import type { DataModel } from './dataModel';

/** `dvcLens.data.missingDataNotice`: false stops the notice. */
const SETTING = settingKeys.dataMissingDataNotice;

export class MissingDataNotice implements vscode.Disposable {
  /** Roots already judged this session: the notice is for opening a repository, not for every refresh. */
  private readonly judged = new Set<string>();
  private readonly subscription: vscode.Disposable;
  private readonly shownMessages: string[] = [];

  constructor(
    private readonly model: DataModel,
    private readonly pull: (root: vscode.Uri) => Thenable<unknown>,
  ) {
    this.subscription = model.onDidChange(() => this.check());
    this.check();
  }

  /** The notices shown this session, oldest first (read by the extension-host suite). */
  get shown(): readonly string[] {
    return this.shownMessages;
  }

  dispose(): void {
    this.subscription.dispose();
  }

  private check(): void {
    for (const repository of this.model.all) {
      const root = repository.root.toString();
      if (this.judged.has(root) || !repository.loaded || !repository.status) continue;
      this.judged.add(root);
      const sentence = missingDataSentence(missingFromCache(repository.data.outs, repository.status.status));
      if (sentence === undefined || !vscode.workspace.getConfiguration().get<boolean>(SETTING, true))
        continue;
      const where = this.model.all.length > 1 ? `${repository.workspaceFolder.name}: ` : '';
      const message = `DVC Lens: ${where}${sentence}`;
      this.shownMessages.push(message);
      void vscode.window
        .showInformationMessage(message, 'Pull', 'Not now')
        .then((picked) => (picked === 'Pull' ? this.pull(repository.root) : undefined));
    }
  }
}
