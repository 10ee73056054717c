/**
 * The History view (`dvcLens.history`): the current branch's commits with their metrics, 50 at a time with a
 * "Load more" row, optionally without the commits that changed nothing DVC tracks. With several DVC
 * repositories in the workspace each gets a folder node. Nodes are data; ids are stable per (root, sha).
 */
import * as vscode from 'vscode';
import { commitBadgesText, type CommitBadgeSource } from '../core/registry/commitBadges';
import { headlineMetricSetting } from '../experiments';
import { isDvcRelated, type HistoryEntry } from '../core/history/historyEntries';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';
import { historyCommandIds } from './historyCommandIds';
import { commitDescription, commitIcon, commitNotInCache, commitTooltip } from './historyPresentation';
import type { HistoryStore } from './historyStore';

export type HistoryNode =
  | { readonly kind: 'repository'; readonly id: string; readonly root: vscode.Uri; readonly label: string }
  | { readonly kind: 'commit'; readonly id: string; readonly root: vscode.Uri; readonly entry: HistoryEntry }
  | { readonly kind: 'loadMore'; readonly id: string; readonly root: vscode.Uri; readonly loading: boolean }
  | { readonly kind: 'note'; readonly id: string; readonly text: string };

export class HistoryTreeProvider implements vscode.TreeDataProvider<HistoryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HistoryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private restricted = false;
  private hideUnrelated = false;
  private readonly subscription: vscode.Disposable;

  private badges: CommitBadgeSource = { badges: () => [], tags: () => [] };
  private badgeSubscription: vscode.Disposable | undefined;

  constructor(
    private readonly store: HistoryStore,
    private readonly repositories: WorkspaceRepositories,
  ) {
    this.subscription = store.onDidChange(() => this.changed.fire(undefined));
  }

  /** The model registry's version and stage badges on commits (set by the registry feature). */
  setCommitBadges(source: CommitBadgeSource, onDidChange: vscode.Event<void>): void {
    this.badges = source;
    this.badgeSubscription?.dispose();
    this.badgeSubscription = onDidChange(() => this.changed.fire(undefined));
    this.changed.fire(undefined);
  }

  get hidingUnrelated(): boolean {
    return this.hideUnrelated;
  }

  setHideUnrelated(hide: boolean): void {
    this.hideUnrelated = hide;
    this.changed.fire(undefined);
  }

  setRestricted(restricted: boolean): void {
    this.restricted = restricted;
    this.changed.fire(undefined);
  }

  /** Top level as the view shows it (the suite reads this). */
  rootNodes(): HistoryNode[] {
    if (this.restricted)
      return [
        note('restricted', 'Restricted Mode: the history needs git and DVC. Trust the workspace to see it.'),
      ];
    const all = this.repositories.repositories;
    if (all.length === 0) return [note('none', 'No DVC repository in this workspace.')];
    if (all.length === 1 && all[0]) return this.commitNodes(all[0].root);
    return all.map((repository) => ({
      kind: 'repository' as const,
      id: `repository:${repository.root.toString()}`,
      root: repository.root,
      label: repository.workspaceFolder.name,
    }));
  }

  getChildren(node?: HistoryNode): HistoryNode[] {
    if (!node) return this.rootNodes();
    return node.kind === 'repository' ? this.commitNodes(node.root) : [];
  }

  getTreeItem(node: HistoryNode): vscode.TreeItem {
    switch (node.kind) {
      case 'repository': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('repo');
        return item;
      }
      case 'commit': {
        const headline = headlineMetricSetting();
        const item = new vscode.TreeItem(node.entry.subject || node.entry.sha.slice(0, 7));
        item.id = node.id;
        const badges = commitBadgesText(this.badges.badges(node.root.toString(), node.entry.sha));
        item.description = [badges, commitDescription(node.entry, headline)]
          .filter((part) => part)
          .join(' · ');
        item.tooltip = commitTooltip(node.entry);
        item.iconPath = commitIcon(node.entry, headline);
        // `.notInCache`: its metrics are cached outputs not pulled, and the row has Pull inline.
        item.contextValue = `${node.entry.markers.length > 0 ? 'dvcLens.historyCommit.dvc' : 'dvcLens.historyCommit'}${commitNotInCache(node.entry).length > 0 ? '.notInCache' : ''}`;
        item.command = {
          command: historyCommandIds.openHistoryCommit,
          title: 'Compare with Parent',
          arguments: [node],
        };
        return item;
      }
      case 'loadMore': {
        const item = new vscode.TreeItem(node.loading ? 'Loading…' : 'Load more');
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(node.loading ? 'loading~spin' : 'ellipsis');
        if (!node.loading)
          item.command = {
            command: historyCommandIds.loadMoreHistory,
            title: 'Load more',
            arguments: [{ root: node.root }],
          };
        return item;
      }
      case 'note': {
        const item = new vscode.TreeItem(node.text);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('info');
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.badgeSubscription?.dispose();
    this.changed.dispose();
  }

  private commitNodes(root: vscode.Uri): HistoryNode[] {
    const history = this.store.history(root);
    const key = root.toString();
    const nodes: HistoryNode[] = history.notes.map((text, index) => note(`${key}:note:${index}`, text));
    for (const entry of history.entries)
      if (!this.hideUnrelated || isDvcRelated(entry))
        nodes.push({ kind: 'commit', id: `${key}:commit:${entry.sha}`, root, entry });
    if (history.hasMore || history.loading)
      nodes.push({ kind: 'loadMore', id: `${key}:more`, root, loading: history.loading });
    return nodes;
  }
}

function note(id: string, text: string): HistoryNode {
  return { kind: 'note', id: `note:${id}`, text };
}
