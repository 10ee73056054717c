import * as vscode from 'vscode';
import type { PipelineTreeNode } from '../core/pipeline/treeModel';
import { buildPipelineTree } from '../core/pipeline/treeModel';
import type { Repository } from '../repository/repository';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';
import { restrictedModeMessage } from '../trust/workspaceTrust';
import { logCommandIds } from '../log/logCommandIds';
import { pipelineCommandIds } from './pipelineCommandIds';
import { toVscodeRange } from './pipelineDiagnostics';
import { stageDecoration, type StageDecorationSource } from './stageDecorations';

/**
 * A node of the Pipeline view: a repository (multi-root only), a failed `dvc status` of a repository (DVC's
 * own message, above its stages), or a node of the core tree model.
 */
export type PipelineViewNode =
  | {
      readonly kind: 'statusError';
      readonly id: string;
      readonly repository: Repository;
      /** One line: DVC's failure (`error`), or why stages were asked one by one (`note`). */
      readonly message: string;
      readonly severity: 'error' | 'note';
      readonly children: readonly PipelineViewNode[];
    }
  | {
      readonly kind: 'repository';
      readonly id: string;
      readonly repository: Repository;
      readonly children: readonly PipelineViewNode[];
    }
  | {
      readonly kind: 'model';
      readonly repository: Repository;
      readonly node: PipelineTreeNode;
      readonly children: readonly PipelineViewNode[];
    };

/**
 * The Pipeline view. It renders the repositories' pipelines (already parsed from files) through the pure tree
 * model, so it paints without waiting for DVC and never touches the disk in getChildren.
 */
export class PipelineTreeProvider implements vscode.TreeDataProvider<PipelineViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PipelineViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private roots: readonly PipelineViewNode[] = [];
  private parents = new Map<PipelineViewNode, PipelineViewNode>();
  private view: vscode.TreeView<PipelineViewNode> | undefined;
  private restricted = false;

  private decorations: StageDecorationSource | undefined;
  private decorationSubscription: vscode.Disposable | undefined;

  constructor(private readonly repositories: WorkspaceRepositories) {
    this.subscription = repositories.onDidChange(() => this.rebuild());
  }

  /** Status and run state shown on stages; the tree repaints (no re-parse) when they change. */
  setDecorations(source: StageDecorationSource): void {
    this.decorations = source;
    this.decorationSubscription?.dispose();
    // Rebuilding is cheap (no parsing) and places or removes the status error nodes.
    this.decorationSubscription = source.onDidChange(() => this.rebuild());
  }

  attach(view: vscode.TreeView<PipelineViewNode>): void {
    this.view = view;
    this.updateMessage();
  }

  setRestricted(restricted: boolean): void {
    this.restricted = restricted;
    this.updateMessage();
  }

  get isRestricted(): boolean {
    return this.restricted;
  }

  /** The nodes currently shown, for tests and for reveal. */
  rootNodes(): readonly PipelineViewNode[] {
    return this.roots;
  }

  getChildren(element?: PipelineViewNode): PipelineViewNode[] {
    return [...(element ? element.children : this.roots)];
  }

  /** The view's selection (for tests of reveal). */
  selection(): readonly PipelineViewNode[] {
    return this.view?.selection ?? [];
  }

  getParent(element: PipelineViewNode): PipelineViewNode | undefined {
    return this.parents.get(element);
  }

  /** Selects a stage in the view (from the DAG), expanding its parents; `root` is the repository URI string. */
  async revealStage(root: string, stage: string): Promise<void> {
    // A repaint between finding the node and revealing it (fresh statuses, a slow-read progress) makes VS Code
    // forget the node ("Data tree node not found"): find it again in the new tree and reveal that, a few times.
    for (let attempt = 0; ; attempt++) {
      const node = findStage(this.roots, root, stage);
      if (!node || !this.view) return;
      try {
        await this.view.reveal(node, { select: true, focus: false });
        return;
      } catch (error) {
        if (attempt >= 4) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  getTreeItem(element: PipelineViewNode): vscode.TreeItem {
    if (element.kind === 'statusError') return statusErrorItem(element);
    if (element.kind === 'repository') {
      const item = new vscode.TreeItem(
        element.repository.workspaceFolder.name,
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.id = element.id;
      item.description = vscode.workspace.asRelativePath(element.repository.root, true);
      item.iconPath = new vscode.ThemeIcon('repo');
      item.contextValue = 'repository';
      item.resourceUri = element.repository.root;
      return item;
    }
    const item = modelTreeItem(element);
    if (element.node.kind === 'stage' && this.decorations) {
      const root = element.repository.root.toString();
      const stage = element.node.stage.qualifiedName;
      const decoration = stageDecoration(
        this.decorations.statusOf(root, stage),
        this.decorations.runStateOf(root, stage),
        this.decorations.lastRunOf(root, stage),
      );
      if (decoration) {
        item.iconPath = decoration.icon;
        item.description = [decoration.label, element.node.description].filter(Boolean).join(' · ');
        item.tooltip = `${element.node.tooltip}\n\n${decoration.tooltip}`;
      }
    }
    return item;
  }

  dispose(): void {
    this.decorationSubscription?.dispose();
    this.subscription.dispose();
    this.changed.dispose();
  }

  private rebuild(): void {
    const repositories = this.repositories.repositories.filter(
      (repository) => repository.pipelines.length > 0,
    );
    const perRepository = repositories.map((repository) => ({
      repository,
      nodes: [
        ...this.statusErrorNodes(repository),
        ...buildPipelineTree(repository.pipelines, { rootId: repository.root.toString() }).map((node) =>
          wrap(repository, node),
        ),
      ],
    }));
    this.roots =
      perRepository.length === 1
        ? withoutLonePipelineFile(perRepository[0]?.nodes ?? [])
        : perRepository.map(({ repository, nodes }) => ({
            kind: 'repository' as const,
            id: `repository:${repository.root.toString()}`,
            repository,
            children: nodes,
          }));
    this.parents = parentsOf(this.roots);
    this.updateRefreshing();
    void vscode.commands.executeCommand('setContext', 'dvcLens.pipelinesLoaded', this.repositories.isLoaded);
    void vscode.commands.executeCommand('setContext', 'dvcLens.hasPipelines', this.roots.length > 0);
    this.changed.fire(undefined);
  }

  private statusErrorNodes(repository: Repository): PipelineViewNode[] {
    const root = repository.root.toString();
    const error = this.decorations?.statusErrorOf(root);
    const note = error ? undefined : this.decorations?.statusNoteOf?.(root);
    const message = error ?? note;
    if (!message) return [];
    return [
      {
        kind: 'statusError',
        id: `statusError:${root}`,
        repository,
        message,
        severity: error ? 'error' : 'note',
        children: [],
      },
    ];
  }

  /** While DVC computes statuses, the stages keep their last known state and the view says it refreshes. */
  private updateRefreshing(): void {
    if (!this.view) return;
    const refreshing = this.repositories.repositories.some((repository) =>
      this.decorations?.isRefreshing(repository.root.toString()),
    );
    this.view.description = refreshing ? 'refreshing status…' : undefined;
  }

  private updateMessage(): void {
    if (this.view) this.view.message = this.restricted ? restrictedModeMessage : undefined;
  }
}

function parentsOf(roots: readonly PipelineViewNode[]): Map<PipelineViewNode, PipelineViewNode> {
  const parents = new Map<PipelineViewNode, PipelineViewNode>();
  const visit = (node: PipelineViewNode): void => {
    for (const child of node.children) {
      parents.set(child, node);
      visit(child);
    }
  };
  roots.forEach(visit);
  return parents;
}

function findStage(
  nodes: readonly PipelineViewNode[],
  root: string,
  stage: string,
): PipelineViewNode | undefined {
  for (const node of nodes) {
    if (
      node.kind === 'model' &&
      node.node.kind === 'stage' &&
      node.node.stage.qualifiedName === stage &&
      node.repository.root.toString() === root
    ) {
      return node;
    }
    const inside = findStage(node.children, root, stage);
    if (inside) return inside;
  }
  return undefined;
}

function statusErrorItem(element: Extract<PipelineViewNode, { kind: 'statusError' }>): vscode.TreeItem {
  if (element.severity === 'note') {
    const note = new vscode.TreeItem('status checked stage by stage', vscode.TreeItemCollapsibleState.None);
    note.id = element.id;
    note.description = element.message.replace(/^checked stage by stage: /, '');
    note.tooltip = `DVC could not check the whole project at once, so each stage was asked on its own: ${note.description}\n\nClick to show the log.`;
    note.iconPath = new vscode.ThemeIcon('info');
    note.contextValue = 'statusNote';
    note.command = { command: logCommandIds.showLog, title: 'Show Log' };
    return note;
  }
  const item = new vscode.TreeItem('dvc status failed', vscode.TreeItemCollapsibleState.None);
  item.id = element.id;
  item.description = element.message;
  item.tooltip = `${element.message}\n\nThe stages keep their last known status. Click to show the log.`;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
  item.contextValue = 'statusError';
  item.command = { command: logCommandIds.showLog, title: 'Show Log' };
  return item;
}

/** One repository with one dvc.yaml at its root: its stages are the top level, as in most projects. */
function withoutLonePipelineFile(nodes: readonly PipelineViewNode[]): readonly PipelineViewNode[] {
  const only = nodes.length === 1 ? nodes[0] : undefined;
  if (only?.kind === 'model' && only.node.kind === 'pipelineFile' && only.node.label === 'dvc.yaml')
    return only.children;
  const [first, second, ...rest] = nodes;
  if (first?.kind === 'statusError' && rest.length === 0 && second)
    return [first, ...withoutLonePipelineFile([second])];
  return nodes;
}

function wrap(repository: Repository, node: PipelineTreeNode): PipelineViewNode {
  return { kind: 'model', repository, node, children: node.children.map((child) => wrap(repository, child)) };
}

function modelTreeItem(element: Extract<PipelineViewNode, { kind: 'model' }>): vscode.TreeItem {
  const { node, repository } = element;
  const collapsible =
    node.children.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : node.kind === 'stage' || node.kind === 'itemGroup'
        ? vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.Expanded;
  const item = new vscode.TreeItem(node.label, collapsible);
  item.id = node.id;
  item.description = node.description;
  item.tooltip = node.tooltip;
  item.contextValue = node.contextValue;
  item.iconPath =
    node.kind === 'problem'
      ? new vscode.ThemeIcon(node.codicon, new vscode.ThemeColor('errorForeground'))
      : new vscode.ThemeIcon(node.codicon);
  const target = node.open;
  if (target) {
    const uri = vscode.Uri.joinPath(repository.root, target.file);
    item.command = target.range
      ? {
          command: pipelineCommandIds.openStage,
          title: 'Open in dvc.yaml',
          arguments: [uri, toVscodeRange(target.range)],
        }
      : { command: pipelineCommandIds.openPipelineItem, title: 'Open File', arguments: [uri] };
    if (!target.range) item.resourceUri = uri;
  }
  return item;
}
