/** The Run History view and its commands (opening a log reads a file: allowed in Restricted Mode). */
import * as vscode from 'vscode';
import type { DisposableStore } from '../../lifecycle/disposableStore';
import type { RepositoryCommands } from '../../repository/command';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';
import { pipelineCommandIds } from '../pipelineCommandIds';
import { openLog } from '../run/runCommands';
import type { StageRunStates } from '../run/stageRunStates';
import { RunHistoryTreeProvider } from './runHistoryTreeProvider';
import type { RunHistoryNode } from './runHistoryNodes';

export function registerRunHistory(
  disposables: DisposableStore,
  repositories: WorkspaceRepositories,
  runs: StageRunStates,
  commands: RepositoryCommands,
): RunHistoryTreeProvider {
  const tree = disposables.register(new RunHistoryTreeProvider(repositories, runs));
  disposables.register(
    vscode.window.createTreeView('dvcLens.runHistory', { treeDataProvider: tree, showCollapseAll: true }),
  );
  commands.register(pipelineCommandIds.refreshRunHistory, () => tree.refresh());
  commands.register(pipelineCommandIds.openRunLog, async (argument) => {
    const file = logFileOf(argument);
    if (file) await openLog(file);
  });
  return tree;
}

/** `{ logFile }` from a row's click, or the run/record node from its context menu. */
function logFileOf(argument: unknown): string | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  if ('logFile' in argument && typeof argument.logFile === 'string') return argument.logFile;
  const node = argument as RunHistoryNode;
  if (node.kind === 'run') return node.run.logFile;
  if (node.kind === 'record') return node.record.logFile;
  return undefined;
}
