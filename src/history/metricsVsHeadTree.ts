/** The "Metrics vs HEAD" view in Source Control: each param and metric the workspace changed, coloured by direction. */
import * as vscode from 'vscode';
import { changeText, type WorkspaceChange } from '../core/history/workspaceMetricChanges';
import type { WorkspaceMetrics } from './workspaceMetrics';

export type MetricsVsHeadNode =
  | { readonly kind: 'change'; readonly id: string; readonly change: WorkspaceChange }
  | { readonly kind: 'note'; readonly id: string; readonly text: string };

const colors: Record<string, string> = { better: 'charts.green', worse: 'charts.red' };

export class MetricsVsHeadTree implements vscode.TreeDataProvider<MetricsVsHeadNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly metrics: WorkspaceMetrics) {
    this.subscription = metrics.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(node?: MetricsVsHeadNode): MetricsVsHeadNode[] {
    if (node) return [];
    const nodes: MetricsVsHeadNode[] = [];
    for (const result of this.metrics.all) {
      const key = result.root.toString();
      if (result.error)
        nodes.push({ kind: 'note', id: `${key}:error`, text: `Not available: ${result.error}` });
      for (const change of result.changes)
        nodes.push({ kind: 'change', id: `${key}:${change.kind}:${change.file}:${change.key}`, change });
    }
    return nodes.length > 0
      ? nodes
      : [{ kind: 'note', id: 'none', text: 'No params or metrics changed since HEAD.' }];
  }

  getTreeItem(node: MetricsVsHeadNode): vscode.TreeItem {
    if (node.kind === 'note') {
      const item = new vscode.TreeItem(node.text);
      item.id = node.id;
      return item;
    }
    const { change } = node;
    const item = new vscode.TreeItem(change.key);
    item.id = node.id;
    item.description = changeText(change);
    item.tooltip = `${change.file}: ${change.key} ${changeText(change)}`;
    const color = colors[change.verdict];
    item.iconPath = new vscode.ThemeIcon(
      change.kind === 'param' ? 'settings' : 'graph',
      color ? new vscode.ThemeColor(color) : undefined,
    );
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
