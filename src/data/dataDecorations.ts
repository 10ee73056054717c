/**
 * Explorer decorations for data DVC tracks: a one-letter badge and a theme colour per status (M modified,
 * A new, D deleted, C not in cache, S recorded but not committed to git, R not in remote), on the tracked
 * path itself and on the files and folders DVC lists inside a tracked folder, in the Explorer and in the Data
 * view. Unchanged data gets none.
 */
import * as vscode from 'vscode';
import { DATA_STATES, explainDataStates, primaryDataState } from '../core/data/dataState';
import { relativePath } from '../repository/workspaceScan';
import type { DataModel } from './dataModel';
import { dataViewScheme, fileOfDataViewResource } from './tree/dataTreeItems';

export class DataDecorationProvider implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: DataModel) {
    // Statuses change in bursts (one DVC answer at a time): repaint everything that is visible.
    this.subscription = model.onDidChange(() => this.changed.fire(undefined));
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    return this.decorationFor(uri);
  }

  /** The decoration of a resource, or `undefined` when DVC says nothing to point at. */
  decorationFor(resource: vscode.Uri): vscode.FileDecoration | undefined {
    const uri = fileOfDataViewResource(resource);
    const repository = this.model.repositoryOf(uri);
    const states = repository?.status?.statesOf(relativePath(repository.root, uri));
    if (!states) return undefined;
    const primary = DATA_STATES[primaryDataState(states)];
    if (primary.badge === '') return undefined;
    // The Data view's own tooltips already explain the state: the decoration's would repeat it there.
    const inDataView = resource.scheme === dataViewScheme;
    const decoration = new vscode.FileDecoration(
      primary.badge,
      inDataView ? undefined : `DVC: ${explainDataStates(states.filter((state) => state !== 'unchanged'))}`,
      primary.colorId === undefined ? undefined : new vscode.ThemeColor(primary.colorId),
    );
    // Like git's: a folder holding changed data shows it too.
    decoration.propagate =
      primary.state === 'modified' || primary.state === 'new' || primary.state === 'deleted';
    return decoration;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
