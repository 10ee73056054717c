/**
 * The Run History view: past runs started from DVC Lens, read from the stage-run records kept in workspace
 * storage (the last runs of each stage). Grouped by pipeline run (each run's stages on a timeline) and by
 * stage; any row opens the log of its run. Reads files only: it works in Restricted Mode too.
 */
import * as vscode from 'vscode';
import { pipelineRuns } from '../../core/status/runHistory';
import { DisposableStore } from '../../lifecycle/disposableStore';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';
import type { StageRunStates } from '../run/stageRunStates';
import { runChildren, runHistoryItem, type RunHistoryNode } from './runHistoryNodes';

export class RunHistoryTreeProvider implements vscode.TreeDataProvider<RunHistoryNode>, vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changed = this.disposables.register(new vscode.EventEmitter<RunHistoryNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly repositories: WorkspaceRepositories,
    private readonly runs: StageRunStates,
  ) {
    this.disposables.register(runs.onDidChange(() => this.refresh()));
    this.disposables.register(repositories.onDidChange(() => this.refresh()));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: RunHistoryNode): vscode.TreeItem {
    return runHistoryItem(node);
  }

  getChildren(node?: RunHistoryNode): RunHistoryNode[] {
    if (!node) return this.topLevel();
    switch (node.kind) {
      case 'repository':
        return this.sections(node.root);
      case 'section':
        return node.section === 'runs' ? this.pipelineRunsOf(node.root) : this.stagesOf(node.root);
      case 'run':
        return runChildren(node.root, node.run);
      case 'stage':
        return node.runs.map((record) => ({ kind: 'record', root: node.root, record }));
      default:
        return [];
    }
  }

  /** The pipeline runs of a repository (its root's fsPath), newest first; for tests. */
  pipelineRunsOf(root: string): Extract<RunHistoryNode, { kind: 'run' }>[] {
    return pipelineRuns(this.runs.historyOf(root).all()).map((run) => ({ kind: 'run', root, run }));
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private topLevel(): RunHistoryNode[] {
    const roots = this.repositories.repositories.filter((repository) => repository.isDvcRepository);
    if (roots.length === 0) return [{ kind: 'empty', message: 'No DVC repository is open.' }];
    if (roots.length === 1) return this.sections(roots[0]?.root.fsPath ?? '');
    return roots.map((repository) => ({
      kind: 'repository',
      root: repository.root.fsPath,
      name: repository.workspaceFolder.name,
    }));
  }

  private sections(root: string): RunHistoryNode[] {
    if (this.runs.historyOf(root).stages().length === 0)
      return [{ kind: 'empty', message: 'No run started from DVC Lens yet: run a stage or the pipeline.' }];
    return [
      { kind: 'section', root, section: 'runs' },
      { kind: 'section', root, section: 'stages' },
    ];
  }

  private stagesOf(root: string): RunHistoryNode[] {
    const history = this.runs.historyOf(root).all();
    return [...history.keys()]
      .sort((a, b) => a.localeCompare(b))
      .map((stage) => ({ kind: 'stage', root, stage, runs: history.get(stage) ?? [] }));
  }
}
