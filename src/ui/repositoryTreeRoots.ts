/**
 * The top of a view that lists something per DVC repository: a note in Restricted Mode or without any
 * repository, the repository's own children when there is one, and a node per repository when there are
 * several. Shared by the views that render the experiments store (Experiments, Metrics).
 */
import * as vscode from 'vscode';
import { restrictedModeMessage } from '../trust/workspaceTrust';
import { logCommandIds } from '../log/logCommandIds';

export interface NoteNode {
  readonly kind: 'note';
  readonly id: string;
  readonly message: string;
  /** A codicon id. */
  readonly icon: string;
  /** Run when the note is clicked (a way out, e.g. selecting the dvc executable). */
  readonly command?: string;
  /** The command's arguments (e.g. `{ root }` for Pull). */
  readonly arguments?: readonly unknown[];
}

export interface RepositoryNode {
  readonly kind: 'repository';
  readonly id: string;
  /** The repository root URI string. */
  readonly root: string;
  readonly name: string;
}

export function repositoryTreeRoots<
  State extends { readonly repository: { readonly root: vscode.Uri } },
  Node,
>(
  restricted: boolean,
  states: readonly State[],
  childrenOf: (state: State) => Node[],
): (Node | NoteNode | RepositoryNode)[] {
  if (restricted) return [{ kind: 'note', id: 'restricted', message: restrictedModeMessage, icon: 'shield' }];
  if (states.length === 0)
    return [{ kind: 'note', id: 'none', message: 'No DVC repository in this workspace.', icon: 'info' }];
  if (states.length === 1 && states[0]) return childrenOf(states[0]);
  return states.map((state) => ({
    kind: 'repository',
    id: `repo|${state.repository.root.toString()}`,
    root: state.repository.root.toString(),
    name: vscode.workspace.asRelativePath(state.repository.root, true),
  }));
}

export function noteTreeItem(node: NoteNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.message);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon(node.icon);
  item.tooltip = node.message;
  if (node.command)
    item.command = {
      command: node.command,
      title: node.message,
      arguments: node.arguments && [...node.arguments],
    };
  return item;
}

export function repositoryTreeItem(node: RepositoryNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('repo');
  return item;
}

/** DVC's message when a read failed, above the last good data; a click shows the log. */
export function readErrorTreeItem(id: string, message: string, whatIsBelow: string): vscode.TreeItem {
  const item = new vscode.TreeItem(`dvc exp show failed: ${message}`);
  item.id = id;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
  item.tooltip = `${message}\n\n${whatIsBelow} from the last successful read. Click for the log.`;
  // Not imported from commandIds: that module imports the features that use this (a cycle at load time).
  item.command = { command: logCommandIds.showLog, title: 'Show Log' };
  return item;
}
