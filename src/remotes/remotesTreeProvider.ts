/**
 * The Remotes view: per DVC repository the remotes `dvc remote list` would report, the default one marked
 * (RemotesService reads DVC's config files, asking DVC only when unsure). They are read only while the view is
 * visible, the workspace is trusted and DVC is located; the answer is kept until a DVC config file (the
 * repository's two, the global or the system one) changes or a remote command ran.
 */
import * as vscode from 'vscode';
import type { DvcRemote } from '../core/data/remoteList';
import type { Repository } from '../repository/repository';
import { isTrusted } from '../trust/workspaceTrust';
import { errorText } from '../ui/messages';
import type { RemoteContext } from './remoteContext';
import { logCommandIds } from '../log/logCommandIds';

/** A node of the Remotes view; remote nodes carry `root` and `name`, which the remote commands read. */
export type RemotesViewNode =
  | {
      readonly kind: 'repository';
      readonly id: string;
      readonly root: vscode.Uri;
      readonly label: string;
      readonly children: readonly RemotesViewNode[];
    }
  | {
      readonly kind: 'remote';
      readonly id: string;
      readonly root: vscode.Uri;
      readonly name: string;
      readonly url: string;
      readonly isDefault: boolean;
    }
  | {
      readonly kind: 'message';
      readonly id: string;
      readonly label: string;
      readonly detail: string;
      readonly severity: 'info' | 'error';
    };

/** Per repository: its remotes, or DVC's message when listing them failed. */
type RepositoryRemotes = { readonly remotes: readonly DvcRemote[] } | { readonly error: string };

export class RemotesTreeProvider implements vscode.TreeDataProvider<RemotesViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private nodes: readonly RemotesViewNode[] = [];
  private stale = true;
  private generation = 0;
  private loading: Promise<void> | undefined;
  private view: vscode.TreeView<RemotesViewNode> | undefined;

  constructor(private readonly context: RemoteContext) {}

  attach(view: vscode.TreeView<RemotesViewNode>): vscode.Disposable {
    this.view = view;
    return view.onDidChangeVisibility((event) => {
      if (event.visible && this.stale) void this.load();
    });
  }

  /** The nodes shown now (for tests). */
  rootNodes(): readonly RemotesViewNode[] {
    return this.nodes;
  }

  /** The configuration may have changed: reload now when visible, else on the next show. */
  refresh(): Promise<void> {
    this.stale = true;
    if (this.view?.visible) return this.load();
    return Promise.resolve();
  }

  getChildren(element?: RemotesViewNode): RemotesViewNode[] {
    if (element) return element.kind === 'repository' ? [...element.children] : [];
    // VS Code asks only while the view is visible: that is when DVC is worth asking.
    if (this.stale && !this.loading) void this.load();
    return [...this.nodes];
  }

  getTreeItem(element: RemotesViewNode): vscode.TreeItem {
    switch (element.kind) {
      case 'repository': {
        const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = element.id;
        item.iconPath = new vscode.ThemeIcon('repo');
        item.contextValue = 'remotesRepository';
        return item;
      }
      case 'remote': {
        const item = new vscode.TreeItem(element.name, vscode.TreeItemCollapsibleState.None);
        item.id = element.id;
        item.description = element.isDefault ? `default · ${element.url}` : element.url;
        item.tooltip = new vscode.MarkdownString().appendText(
          `${element.name}${element.isDefault ? ' (default remote)' : ''}\n${element.url}`,
        );
        item.iconPath = new vscode.ThemeIcon(element.isDefault ? 'star-full' : 'cloud');
        item.contextValue = element.isDefault ? 'remoteDefault' : 'remote';
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(element.label, vscode.TreeItemCollapsibleState.None);
        item.id = element.id;
        item.description = element.detail;
        item.tooltip = element.detail;
        item.contextValue = element.severity === 'error' ? 'remotesError' : 'remotesMessage';
        if (element.severity === 'error') {
          item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
          item.command = { command: logCommandIds.showLog, title: 'Show Log' };
        } else item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }

  /** Reads every repository's remotes; a newer load wins over an older one still running. */
  load(): Promise<void> {
    const generation = ++this.generation;
    this.stale = false;
    const run = (async (): Promise<void> => {
      let nodes: RemotesViewNode[];
      try {
        nodes = await this.read();
      } catch (error) {
        nodes = [message('failed', 'Reading the remotes failed', errorText(error), 'error')];
      }
      if (generation === this.generation) this.show(nodes);
    })();
    this.loading = run;
    void run.finally(() => {
      if (this.loading === run) this.loading = undefined;
    });
    return run;
  }

  private async read(): Promise<RemotesViewNode[]> {
    if (!isTrusted())
      return [
        message('restricted', 'Remotes are disabled in Restricted Mode', 'Trust the workspace to use DVC.'),
      ];
    const repositories = this.context.dvcRepositories();
    if (repositories.length === 0) return [];
    const executable = await this.context.deps.locator.ready();
    if (!executable)
      return [message('missing', 'DVC was not found', 'Choose a DVC executable or install DVC.', 'error')];
    const results = await Promise.all(repositories.map((repository) => this.readRepository(repository)));
    if (repositories.length === 1)
      return nodesOf(repositories[0] as Repository, results[0] as RepositoryRemotes);
    const withSomething = repositories
      .map((repository, index) => ({ repository, result: results[index] as RepositoryRemotes }))
      .filter(({ result }) => 'error' in result || result.remotes.length > 0);
    return withSomething.map(({ repository, result }) => ({
      kind: 'repository',
      id: `remotes:${repository.root.toString()}`,
      root: repository.root,
      label: repository.workspaceFolder.name,
      children: nodesOf(repository, result),
    }));
  }

  private async readRepository(repository: Repository): Promise<RepositoryRemotes> {
    const services = await this.context.services(repository);
    if (!services) return { error: 'DVC was not found.' };
    try {
      return { remotes: await services.remotes.list() };
    } catch (error) {
      this.context.log.error(`Listing the remotes of ${repository.root.fsPath} failed`, error);
      return { error: errorText(error) };
    }
  }

  private show(nodes: RemotesViewNode[]): void {
    this.nodes = nodes;
    const hasRemotes = nodes.some((node) => node.kind !== 'message' || node.severity === 'error');
    void vscode.commands.executeCommand('setContext', 'dvcLens.remotesLoaded', true);
    void vscode.commands.executeCommand('setContext', 'dvcLens.hasRemotes', hasRemotes);
    this.changed.fire(undefined);
  }
}

function nodesOf(repository: Repository, result: RepositoryRemotes): RemotesViewNode[] {
  const root = repository.root;
  if ('error' in result)
    return [message(`error:${root.toString()}`, 'dvc remote list failed', result.error, 'error')];
  return result.remotes.map((remote) => ({
    kind: 'remote',
    id: `remote:${root.toString()}:${remote.name}`,
    root,
    name: remote.name,
    url: remote.url,
    isDefault: remote.isDefault,
  }));
}

function message(
  id: string,
  label: string,
  detail: string,
  severity: 'info' | 'error' = 'info',
): RemotesViewNode {
  return { kind: 'message', id: `message:${id}`, label, detail, severity };
}
