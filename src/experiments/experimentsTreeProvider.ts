import * as vscode from 'vscode';
import type { ExperimentRow } from '../core/experiments/experimentModel';
import { commitBadgesText, type CommitBadgeSource } from '../core/registry/commitBadges';
import { stableRegistryName } from '../core/refs/stableRefName';
import { needsFirstCommit } from '../core/experiments/firstCommit';
import { formatExperimentValue, headlineMetric } from '../core/experiments/headlineMetric';
import {
  noteTreeItem,
  readErrorTreeItem,
  repositoryTreeItem,
  repositoryTreeRoots,
  type NoteNode,
  type RepositoryNode,
} from '../ui/repositoryTreeRoots';
import { experimentCommandIds } from './experimentCommandIds';
import { headlineMetricSetting } from './experimentSettings';
import { setupCommandIds } from '../setup';
import { metricsPullNote } from '../remotes';
import type { ExperimentsStore, RepositoryExperiments } from './experimentsStore';
import { experimentTooltip, formatElapsed } from './experimentTooltip';
import type { RemoteRunStore } from './remote/remoteRunStore';
import {
  isRunOfCommit,
  remoteRunNode,
  remoteRunTreeItem,
  type RemoteRunNode,
} from './remote/remoteRunTreeItem';

/** A node of the Experiments view. `root` is the repository root URI string. */
export type ExperimentsViewNode =
  | NoteNode
  | RepositoryNode
  | { readonly kind: 'error'; readonly id: string; readonly root: string; readonly message: string }
  | { readonly kind: 'row'; readonly id: string; readonly root: string; readonly row: ExperimentRow }
  | { readonly kind: 'showMore'; readonly id: string; readonly root: string }
  | { readonly kind: 'branch'; readonly id: string; readonly root: string; readonly branch: string }
  | RemoteRunNode
  /** The remote runs whose baseline is none of the commits shown. */
  | { readonly kind: 'remoteRuns'; readonly id: string; readonly root: string }
  | {
      readonly kind: 'action';
      readonly id: string;
      readonly root: string;
      readonly label: string;
      readonly icon: string;
      readonly command: string;
      readonly tooltip: string;
    };

/**
 * The Experiments view: per repository the workspace, the branch's recent commits with their experiments
 * nested (state icon, headline metric), "Show more", and DVC's message above the last good data when a read
 * fails. It renders the store's snapshots and never runs anything in getChildren.
 */
export class ExperimentsTreeProvider
  implements vscode.TreeDataProvider<ExperimentsViewNode>, vscode.Disposable
{
  private readonly changed = new vscode.EventEmitter<ExperimentsViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private readonly starSubscription: vscode.Disposable | undefined;
  private restricted = false;
  private badges: CommitBadgeSource = { badges: () => [], tags: () => [] };
  private badgeSubscription: vscode.Disposable | undefined;

  constructor(
    private readonly store: ExperimentsStore,
    /** Runs sent to compute targets: rows under their baseline, or in a "Remote runs" group. */
    private readonly remoteRuns?: RemoteRunStore,
    /** A person's stars (a ★ before the description); absent, no row shows one. */
    private readonly stars?: {
      starred(root: string): ReadonlySet<string>;
      readonly onDidChange: vscode.Event<string>;
    },
  ) {
    const fire = () => this.changed.fire(undefined);
    this.subscription = vscode.Disposable.from(
      store.onDidChange(fire),
      remoteRuns?.onDidChange(fire) ?? new vscode.Disposable(() => undefined),
    );
    this.starSubscription = stars?.onDidChange(fire);
  }

  /** The model registry's version and stage badges on commits (set by the registry feature). */
  setCommitBadges(source: CommitBadgeSource, onDidChange: vscode.Event<void>): void {
    this.badges = source;
    this.badgeSubscription?.dispose();
    this.badgeSubscription = onDidChange(() => this.changed.fire(undefined));
    this.changed.fire(undefined);
  }

  setRestricted(restricted: boolean): void {
    this.restricted = restricted;
    this.changed.fire(undefined);
  }

  getChildren(node?: ExperimentsViewNode): ExperimentsViewNode[] {
    if (!node)
      return repositoryTreeRoots(this.restricted, this.store.all, (state) => this.repositoryChildren(state));
    if (node.kind === 'repository') {
      const state = this.store.get(node.root);
      return state ? this.repositoryChildren(state) : [];
    }
    if (node.kind === 'branch') {
      const commits = this.store
        .get(node.root)
        ?.groups.branches.find((b) => b.branch === node.branch)?.commits;
      return (commits ?? []).map((row) => rowNode(node.root, row));
    }
    if (node.kind === 'row' && node.row.kind === 'commit') {
      const state = this.store.get(node.root);
      const commit = state?.model?.commits.find((candidate) => candidate.rev === node.row.rev);
      return [
        ...this.remoteRunsOf(node.root, (entry) => isRunOfCommit(entry, node.row.rev)),
        ...(commit?.experiments ?? []).map((row) => rowNode(node.root, row)),
      ];
    }
    if (node.kind === 'remoteRuns') {
      const shown = this.shownCommits(node.root);
      return this.remoteRunsOf(node.root, (entry) => !shown.some((rev) => isRunOfCommit(entry, rev)));
    }
    return [];
  }

  getTreeItem(node: ExperimentsViewNode): vscode.TreeItem {
    switch (node.kind) {
      case 'note':
        return noteTreeItem(node);
      case 'error': {
        const item = readErrorTreeItem(node.id, node.message, 'The experiments below are');
        item.contextValue = 'dvcLens.experimentsError';
        return item;
      }
      case 'repository':
        return repositoryTreeItem(node);
      case 'showMore': {
        const item = new vscode.TreeItem('Show more commits…');
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = {
          command: experimentCommandIds.showMoreCommits,
          title: 'Show more commits',
          arguments: [{ root: node.root }],
        };
        return item;
      }
      case 'branch':
        return this.branchItem(node);
      case 'action': {
        const item = new vscode.TreeItem(node.label);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.tooltip = node.tooltip;
        item.command = { command: node.command, title: node.label, arguments: [{ root: node.root }] };
        return item;
      }
      case 'row':
        return this.rowItem(node);
      case 'remoteRun':
        return remoteRunTreeItem(node, Date.now());
      case 'remoteRuns': {
        const item = new vscode.TreeItem('Remote runs', vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('cloud');
        item.tooltip = 'Runs on compute targets whose baseline is not among the commits listed above.';
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.badgeSubscription?.dispose();
    this.starSubscription?.dispose();
    this.changed.dispose();
  }

  private remoteRunsOf(
    root: string,
    filter: (entry: RemoteRunNode['entry']) => boolean,
  ): ExperimentsViewNode[] {
    return (this.remoteRuns?.list(root) ?? []).filter(filter).map((entry) => remoteRunNode(root, entry));
  }

  /** The commits the view lists (HEAD's and the other branches'), whose remote runs nest under them. */
  private shownCommits(root: string): string[] {
    const groups = this.store.get(root)?.groups;
    if (!groups) return [];
    return [...groups.head, ...groups.branches.flatMap((branch) => branch.commits)].map((row) => row.rev);
  }

  private repositoryChildren(state: RepositoryExperiments): ExperimentsViewNode[] {
    const root = state.repository.root.toString();
    const nodes: ExperimentsViewNode[] = [];
    if (state.error !== undefined)
      nodes.push({ kind: 'error', id: `error|${root}`, root, message: state.error });
    const model = state.model;
    if (!model) {
      if (state.error === undefined && state.repository.dvcNotFound)
        nodes.push(
          {
            kind: 'note',
            id: `noDvc|${root}`,
            message: 'DVC was not found, so experiments cannot be read.',
            icon: 'warning',
          },
          {
            kind: 'action',
            id: `selectDvc|${root}`,
            root,
            label: 'Select DVC executable…',
            icon: 'gear',
            command: setupCommandIds.selectDvcExecutable,
            tooltip: 'Choose the dvc executable (or install DVC with "DVC Lens: Install DVC").',
          },
        );
      else if (state.error === undefined)
        nodes.push({
          kind: 'note',
          id: `loading|${root}`,
          message: 'Reading experiments from DVC…',
          icon: 'loading~spin',
        });
      return nodes;
    }
    if (needsFirstCommit(model)) {
      nodes.push(
        {
          kind: 'note',
          id: `noCommit|${root}`,
          message: 'Experiments need a first commit: this repository has none yet.',
          icon: 'info',
        },
        {
          kind: 'action',
          id: `firstCommit|${root}`,
          root,
          label: 'Create first commit…',
          icon: 'git-commit',
          command: experimentCommandIds.createFirstCommit,
          tooltip:
            "Commits DVC's files (its config, dvc.yaml, dvc.lock, params files, .dvc and .gitignore files) with git, after asking. Your code and data stay uncommitted.",
        },
      );
      return nodes;
    }
    const { groups } = state;
    // Metrics that are cached outputs not pulled (a fresh clone) leave the rows without values: say why, with Pull.
    const pullNote = metricsPullNote(model, state.repository.root);
    if (pullNote) nodes.push(pullNote);
    if (model.workspace) nodes.push(rowNode(root, model.workspace));
    for (const commit of groups.head) nodes.push(rowNode(root, commit));
    if (groups.head.length >= state.commitCount) nodes.push({ kind: 'showMore', id: `more|${root}`, root });
    for (const { branch } of groups.branches)
      nodes.push({ kind: 'branch', id: `branch|${root}|${branch}`, root, branch });
    const shown = this.shownCommits(root);
    if (this.remoteRunsOf(root, (entry) => !shown.some((rev) => isRunOfCommit(entry, rev))).length > 0)
      nodes.push({ kind: 'remoteRuns', id: `remoteRuns|${root}`, root });
    nodes.push({
      kind: 'action',
      id: `otherBranches|${root}`,
      root,
      label: 'Show other branches…',
      icon: 'git-branch',
      command: experimentCommandIds.showOtherBranches,
      tooltip: 'Choose local branches whose commits and experiments the view lists too.',
    });
    return nodes;
  }

  private branchItem(node: Extract<ExperimentsViewNode, { kind: 'branch' }>): vscode.TreeItem {
    const commits = this.store.get(node.root)?.groups.branches.find((b) => b.branch === node.branch)?.commits;
    const count = commits?.length ?? 0;
    const item = new vscode.TreeItem(
      node.branch,
      count > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = node.id;
    item.iconPath = new vscode.ThemeIcon('git-branch');
    item.description = count > 0 ? 'other branch' : 'other branch · its commits are listed above';
    item.tooltip = `Branch ${node.branch}: its last commits and their experiments. Hide it from its context menu.`;
    item.contextValue = 'dvcLens.otherBranch';
    return item;
  }

  private rowItem(node: Extract<ExperimentsViewNode, { kind: 'row' }>): vscode.TreeItem {
    const { row } = node;
    const state = this.store.get(node.root);
    const commit =
      row.kind === 'commit'
        ? state?.model?.commits.find((candidate) => candidate.rev === row.rev)
        : undefined;
    const isHead = commit !== undefined && state?.model?.commits[0] === commit;
    const remoteCount =
      row.kind === 'commit'
        ? this.remoteRunsOf(node.root, (entry) => isRunOfCommit(entry, row.rev)).length
        : 0;
    const collapsible =
      commit && commit.experiments.length + remoteCount > 0
        ? isHead
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.None;
    const stableName =
      row.kind === 'commit' ? stableRegistryName(row.name, this.badges.tags(node.root, row.rev)) : undefined;
    const item = new vscode.TreeItem(stableName ?? row.label, collapsible);
    item.id = node.id;
    const since = state?.runningSince.get(row.id);
    const headline = headlineMetric(row, headlineMetricSetting());
    const metricText = headline ? `${headline.key} ${formatExperimentValue(headline.value)}` : '';
    const stateText =
      row.state === 'running'
        ? `running${since === undefined ? '' : ` ${formatElapsed(Date.now() - since)}`}`
        : row.state === 'queued' || row.state === 'failed'
          ? row.state
          : '';
    const badgeText = row.kind === 'commit' ? commitBadgesText(this.badges.badges(node.root, row.rev)) : '';
    const star = this.stars?.starred(node.root).has(row.id) ? '★' : '';
    item.description = [
      star,
      [badgeText, stateText, metricText].filter((part) => part.length > 0).join(' · '),
    ]
      .filter((part) => part.length > 0)
      .join(' ');
    item.iconPath = rowIcon(row);
    item.tooltip = experimentTooltip(row);
    item.contextValue =
      row.kind === 'experiment' ? `dvcLens.experiment.${row.state ?? 'success'}` : `dvcLens.${row.kind}`;
    return item;
  }
}

function rowNode(root: string, row: ExperimentRow): ExperimentsViewNode {
  // Experiments by name: a queued experiment gets a new sha when it runs, and its node must stay the same.
  const key = row.kind === 'experiment' ? `${row.baseline ?? ''}|${row.name ?? row.id}` : row.id;
  return { kind: 'row', id: `row|${root}|${row.kind}|${key}`, root, row };
}

function rowIcon(row: ExperimentRow): vscode.ThemeIcon {
  if (row.kind === 'workspace') return new vscode.ThemeIcon('edit');
  if (row.kind === 'commit') return new vscode.ThemeIcon('git-commit');
  switch (row.state) {
    case 'queued':
      return new vscode.ThemeIcon('clock');
    case 'running':
      return new vscode.ThemeIcon('sync~spin');
    case 'failed':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    default:
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  }
}
