/**
 * The Metrics view (and, changed values only, "Metrics vs HEAD" in Source Control): per metrics and params
 * file the workspace's values, each with its change against HEAD, arrowed and coloured by the metric's
 * direction. It renders the experiments store's model (the workspace and HEAD rows of `dvc exp show`), so it
 * runs nothing itself; a click opens the file at the key.
 */
import * as vscode from 'vscode';
import { trendColourIds } from '../ui/lineAnnotations';
import { valueDescription } from '../core/metrics/valueDescription';
import {
  changedOnly,
  workspaceVsHead,
  type WorkspaceFile,
  type WorkspaceValue,
} from '../core/metrics/workspaceVsHead';
import { metricDirectionsSetting } from '../experiments';
import type { ExperimentsStore, RepositoryExperiments } from '../experiments';
import {
  noteTreeItem,
  readErrorTreeItem,
  repositoryTreeItem,
  repositoryTreeRoots,
  type NoteNode,
  type RepositoryNode,
} from '../ui/repositoryTreeRoots';
import { setupCommandIds } from '../setup';
import { metricsPullNote } from '../remotes';
import { metricsCommandIds } from './metricsCommandIds';

/** A node of the view. `root` is the repository root URI string. */
export type MetricsViewNode =
  | NoteNode
  | RepositoryNode
  | { readonly kind: 'error'; readonly id: string; readonly message: string }
  | { readonly kind: 'file'; readonly id: string; readonly root: string; readonly file: WorkspaceFile }
  | {
      readonly kind: 'value';
      readonly id: string;
      readonly root: string;
      readonly file: string;
      readonly value: WorkspaceValue;
    };

export class MetricsTreeProvider implements vscode.TreeDataProvider<MetricsViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<MetricsViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private restricted = false;

  /** `onlyChanged`: a fixed filter (the Source Control view), or a function the toggle reads. */
  constructor(
    private readonly store: ExperimentsStore,
    private readonly onlyChanged: () => boolean,
  ) {
    this.subscriptions = [
      store.onDidChange(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('dvcLens.experiments.metricDirections')) this.refresh();
      }),
    ];
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  setRestricted(restricted: boolean): void {
    this.restricted = restricted;
    this.refresh();
  }

  getChildren(node?: MetricsViewNode): MetricsViewNode[] {
    if (!node)
      return repositoryTreeRoots(this.restricted, this.store.all, (state) => this.repositoryChildren(state));
    if (node.kind === 'repository') {
      const state = this.store.get(node.root);
      return state ? this.repositoryChildren(state) : [];
    }
    if (node.kind === 'file')
      return node.file.values.map((value) => ({
        kind: 'value',
        id: `${node.id}|${value.key}`,
        root: node.root,
        file: node.file.file,
        value,
      }));
    return [];
  }

  getTreeItem(node: MetricsViewNode): vscode.TreeItem {
    switch (node.kind) {
      case 'note':
        return noteTreeItem(node);
      case 'error':
        return readErrorTreeItem(node.id, node.message, 'Values below are');
      case 'repository':
        return repositoryTreeItem(node);
      case 'file':
        return fileItem(node);
      case 'value':
        return valueItem(node);
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }

  private repositoryChildren(state: RepositoryExperiments): MetricsViewNode[] {
    const root = state.repository.root.toString();
    const nodes: MetricsViewNode[] = [];
    if (state.error !== undefined) nodes.push({ kind: 'error', id: `error|${root}`, message: state.error });
    const comparison = state.model ? workspaceVsHead(state.model, metricDirectionsSetting()) : undefined;
    // Metrics that are cached outputs not pulled (a fresh clone) have no values: one line says why, with Pull.
    const pullNote = metricsPullNote(state.model, state.repository.root);
    if (pullNote) nodes.push(pullNote);
    if (!comparison) {
      if (state.error === undefined && !state.model && state.repository.dvcNotFound)
        nodes.push({
          kind: 'note',
          id: `noDvc|${root}`,
          message: 'DVC was not found, so metrics cannot be read: click to select a dvc executable.',
          icon: 'warning',
          command: setupCommandIds.selectDvcExecutable,
        });
      else if (state.error === undefined && !state.model)
        nodes.push({
          kind: 'note',
          id: `loading|${root}`,
          message: 'Reading metrics from DVC…',
          icon: 'loading~spin',
        });
      else if (state.model)
        nodes.push({
          kind: 'note',
          id: `noCommit|${root}`,
          message: 'No commit yet: metrics are compared with HEAD once there is one.',
          icon: 'git-commit',
        });
      return nodes;
    }
    const filtered = this.onlyChanged() ? changedOnly(comparison) : comparison;
    if (filtered.files.length === 0 && (comparison.files.length > 0 || !pullNote))
      nodes.push({
        kind: 'note',
        id: `empty|${root}`,
        message:
          comparison.files.length === 0
            ? 'No metrics or params files.'
            : `Same as ${comparison.headLabel ?? 'HEAD'}.`,
        icon: 'check',
      });
    for (const file of filtered.files)
      nodes.push({ kind: 'file', id: `${root}|${file.kind}|${file.file}`, root, file });
    return nodes;
  }
}

function fileItem(node: Extract<MetricsViewNode, { kind: 'file' }>): vscode.TreeItem {
  const { file } = node;
  const item = new vscode.TreeItem(file.file, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon(file.kind === 'metrics' ? 'pulse' : 'symbol-parameter');
  const changes = file.values.filter((value) => value.trend !== 'same').length;
  item.description = [file.kind, changes > 0 ? `${changes} changed` : ''].filter(Boolean).join(' · ');
  if (file.error !== undefined) {
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.tooltip = `DVC could not read ${file.file} in the workspace: ${file.error}`;
  }
  item.contextValue = `dvcLens.metricsFile.${file.kind}`;
  return item;
}

function valueItem(node: Extract<MetricsViewNode, { kind: 'value' }>): vscode.TreeItem {
  const { value } = node;
  const item = new vscode.TreeItem(value.key);
  item.id = node.id;
  item.description = valueDescription(value);
  const colour = trendColourIds[value.trend];
  const icon =
    value.trend === 'same'
      ? 'circle-small'
      : value.absolute !== undefined
        ? value.absolute > 0
          ? 'arrow-up'
          : 'arrow-down'
        : 'diff-modified';
  item.iconPath = new vscode.ThemeIcon(icon, colour ? new vscode.ThemeColor(colour) : undefined);
  const tooltip = new vscode.MarkdownString();
  tooltip.appendText(`${node.file}: ${value.key}\n\n`);
  tooltip.appendText(`Workspace: ${value.value === undefined ? 'not set' : String(value.value)}\n`);
  tooltip.appendText(`HEAD: ${value.head === undefined ? 'not set' : String(value.head)}`);
  if (value.trend === 'better' || value.trend === 'worse')
    tooltip.appendText(`\n\n${value.trend === 'better' ? 'Better' : 'Worse'} than HEAD.`);
  item.tooltip = tooltip;
  item.contextValue = 'dvcLens.metricValue';
  item.command = {
    command: metricsCommandIds.openMetricKey,
    title: 'Open at Key',
    arguments: [{ root: node.root, file: node.file, key: value.key }],
  };
  return item;
}
