/**
 * The Data view: per DVC repository, everything DVC tracks, painted from files and coloured by the last
 * `dvc data status`. Tracked folders expand lazily, one level at a time, read when expanded.
 */
import * as vscode from 'vscode';
import { buildDataTreeRows, entryRow, moreRow } from '../../core/data/dataTreeModel';
import { directoryListing } from '../../core/data/directoryListing';
import type { DataModel, DataRepository } from '../dataModel';
import { restrictedModeMessage } from '../../trust/workspaceTrust';
import type { DvcLocator } from '../../setup';
import { dataTreeItem } from './dataTreeItems';
import { nodeOfRow, type DataViewNode } from './dataTreeNodes';
import { setupCommandIds } from '../../setup';

export class DataTreeProvider implements vscode.TreeDataProvider<DataViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DataViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private roots: readonly DataViewNode[] = [];
  private restricted = false;
  private view: vscode.TreeView<DataViewNode> | undefined;

  constructor(
    private readonly model: DataModel,
    private readonly locator: DvcLocator,
  ) {
    this.subscriptions.push(model.onDidChange(() => this.rebuild()));
    this.subscriptions.push(locator.onDidChange(() => this.rebuild()));
    this.rebuild();
  }

  attach(view: vscode.TreeView<DataViewNode>): void {
    this.view = view;
    this.rebuild();
  }

  setRestricted(restricted: boolean): void {
    this.restricted = restricted;
    this.rebuild();
  }

  /** The top-level nodes currently shown (for tests). */
  rootNodes(): readonly DataViewNode[] {
    return this.roots;
  }

  getTreeItem(element: DataViewNode): vscode.TreeItem {
    return dataTreeItem(element);
  }

  async getChildren(element?: DataViewNode): Promise<DataViewNode[]> {
    if (!element) return [...this.roots];
    if (element.kind === 'repository') {
      const repository = this.model.repository(element.root);
      return repository ? this.repositoryNodes(repository) : [];
    }
    if ((element.kind === 'tracked' || element.kind === 'entry') && element.isDirectory)
      return this.folderChildren(element.root, element.path);
    return [];
  }

  /** The first level of a folder inside tracked data: what is on disk plus what DVC lists as gone. */
  async folderChildren(root: vscode.Uri, path: string): Promise<DataViewNode[]> {
    const repository = this.model.repository(root);
    let onDisk: Array<[string, boolean]> = [];
    try {
      const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(root, path));
      onDisk = entries.map(([name, type]) => [name, (type & vscode.FileType.Directory) !== 0]);
    } catch {
      // Not in the workspace (deleted, or never checked out): DVC's list below still names its files.
    }
    const status = repository?.status;
    const listing = directoryListing(onDisk, status?.childrenOf(path) ?? new Map<string, boolean>());
    const rootId = root.toString();
    const nodes = listing.entries.map((entry) => nodeOfRow(root, entryRow(rootId, path, entry, status)));
    if (listing.more > 0) nodes.push(nodeOfRow(root, moreRow(rootId, path, listing.more)));
    return nodes;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }

  private repositoryNodes(repository: DataRepository): DataViewNode[] {
    return buildDataTreeRows({
      rootId: repository.root.toString(),
      data: repository.data,
      status: repository.status,
      statusError: repository.statusError,
    }).map((row) => nodeOfRow(repository.root, row));
  }

  private rebuild(): void {
    const repositories = this.model.all.filter(
      (repository) => repository.data.outs.length > 0 || repository.data.problems.length > 0,
    );
    const single = repositories.length === 1 ? repositories[0] : undefined;
    const content: DataViewNode[] = single
      ? this.repositoryNodes(single)
      : repositories.map((repository) => ({
          kind: 'repository' as const,
          id: `dataRepository:${repository.root.toString()}`,
          root: repository.root,
          label: repository.workspaceFolder.name,
          description: vscode.workspace.asRelativePath(repository.root, true),
        }));
    // Nothing tracked: no nodes at all, so that the welcome content (how to track data) shows.
    this.roots = content.length > 0 ? [...this.notes(), ...content] : [];
    if (this.view) this.view.description = this.model.isRefreshing ? 'refreshing status…' : undefined;
    const tracked = repositories.flatMap((repository) =>
      repository.data.outs.map((out) => ({ repository, out })),
    );
    void vscode.commands.executeCommand('setContext', 'dvcLens.dataLoaded', this.model.isLoaded);
    void vscode.commands.executeCommand('setContext', 'dvcLens.hasTrackedData', tracked.length > 0);
    // For Explorer menus: `resource in dvcLens.trackedDataResources` (resource is the URI string).
    void vscode.commands.executeCommand(
      'setContext',
      'dvcLens.trackedDataResources',
      tracked.map(({ repository, out }) => vscode.Uri.joinPath(repository.root, out.path).toString()),
    );
    void vscode.commands.executeCommand(
      'setContext',
      'dvcLens.dvcFileDataResources',
      tracked
        .filter(({ out }) => out.source.kind === 'dvcFile')
        .map(({ repository, out }) => vscode.Uri.joinPath(repository.root, out.path).toString()),
    );
    this.changed.fire(undefined);
  }

  private notes(): DataViewNode[] {
    if (this.restricted)
      return [
        {
          kind: 'note',
          id: 'dataNote:restricted',
          label: 'Restricted Mode: status and commands are off',
          tooltip: restrictedModeMessage,
          command: undefined,
        },
      ];
    if (this.locator.discovery && !this.locator.executable)
      return [
        {
          kind: 'note',
          id: 'dataNote:dvcMissing',
          label: 'DVC was not found: status unknown',
          tooltip:
            'The tracked paths come from .dvc and dvc.lock files. Choose a DVC executable to see their status.',
          command: setupCommandIds.selectDvcExecutable,
        },
      ];
    return [];
  }
}
