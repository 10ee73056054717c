/**
 * The actions of DVC's Source Control groups: each is the data or remote command a person already knows
 * (Commit to Cache, Check Out, Push, Pull, Track, Commit Data Changes), given the tracked paths the selected
 * rows (or a whole group) stand for. A file inside a tracked folder stands for that folder: DVC acts on outs.
 */
import * as vscode from 'vscode';
import { dataChangeTargets } from '../../core/data/dataSourceControlGroups';
import type { RepositoryCommands } from '../../repository/command';
import { dataCommandIds } from '../dataCommandIds';
import type { DataResourceState } from './dataSourceControls';

/** The rows a Source Control menu passes: (row, ...selected rows) or a group. */
export function selectedDataRows(args: readonly unknown[]): DataResourceState[] {
  const rows: DataResourceState[] = [];
  for (const arg of args) {
    if (isDataRow(arg)) rows.push(arg);
    else if (Array.isArray(arg)) rows.push(...arg.filter(isDataRow));
    else if (isRecord(arg) && Array.isArray(arg.resourceStates))
      rows.push(...arg.resourceStates.filter(isDataRow));
  }
  // A row is passed first and again in the selection: each path once.
  return [...new Map(rows.map((row) => [`${row.root.toString()}\n${row.resource.path}`, row])).values()];
}

/** `{ root, path }` for one target, `{ root, paths }` for more: what the data commands take. */
function dataArgument(
  rows: readonly DataResourceState[],
): { root: vscode.Uri; path?: string; paths?: string[] } | undefined {
  const root = rows[0]?.root;
  if (!root) return undefined;
  const targets = dataChangeTargets(
    rows.filter((row) => row.root.toString() === root.toString()).map((row) => row.resource),
  );
  return targets.length === 1 ? { root, path: targets[0] } : { root, paths: targets };
}

/** The remotes feature's transfer commands (given by the composition root: remotes already depends on data). */
export interface TransferCommandIds {
  readonly push: string;
  readonly pull: string;
}

export function registerDataScmCommands(commands: RepositoryCommands, transfers: TransferCommandIds): void {
  const onRows =
    (command: string) =>
    async (...args: unknown[]): Promise<unknown> => {
      const argument = dataArgument(selectedDataRows(args));
      return argument ? vscode.commands.executeCommand(command, argument) : undefined;
    };
  commands.registerTrusted(dataCommandIds.scmCommitToCache, onRows(dataCommandIds.commitData));
  commands.registerTrusted(dataCommandIds.scmCheckout, onRows(dataCommandIds.checkoutData));
  // Push and pull take the targets as `{ root, targets }`; from the title bar (a source control), everything.
  const transfer =
    (command: string) =>
    async (...args: unknown[]): Promise<unknown> => {
      const rows = selectedDataRows(args);
      const root = rows[0]?.root ?? sourceControlRoot(args[0]);
      if (!root) return vscode.commands.executeCommand(command);
      const targets = dataChangeTargets(
        rows.filter((row) => row.root.toString() === root.toString()).map((row) => row.resource),
      );
      return vscode.commands.executeCommand(command, { root, targets });
    };
  commands.registerTrusted(dataCommandIds.scmPush, transfer(transfers.push));
  commands.registerTrusted(dataCommandIds.scmPull, transfer(transfers.pull));
  commands.registerTrusted(dataCommandIds.scmTrack, () =>
    vscode.commands.executeCommand(dataCommandIds.trackData),
  );
  commands.registerTrusted(dataCommandIds.scmCommitDataChanges, (first: unknown) => {
    const root = sourceControlRoot(first);
    return vscode.commands.executeCommand(dataCommandIds.commitDataChanges, ...(root ? [{ root }] : []));
  });
}

/** The title bar passes the source control itself: its `rootUri` names the repository. */
function sourceControlRoot(argument: unknown): vscode.Uri | undefined {
  if (isRecord(argument) && argument.rootUri instanceof vscode.Uri) return argument.rootUri;
  if (isRecord(argument) && argument.root instanceof vscode.Uri) return argument.root;
  return undefined;
}

function isDataRow(value: unknown): value is DataResourceState {
  return (
    isRecord(value) &&
    value.root instanceof vscode.Uri &&
    isRecord(value.resource) &&
    typeof value.resource.path === 'string' &&
    typeof value.resource.target === 'string'
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
