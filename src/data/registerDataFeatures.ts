/**
 * The data feature: the Data view of everything DVC tracks, its status as Explorer decorations, and the
 * commands that track, untrack, check out and commit data.
 */
import type { DisposableStore } from '../lifecycle/disposableStore';
import type { OutputLog } from '../log/outputLog';
import type { RepositorySchedulers } from '../repository/repositorySchedulers';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';
import type { DvcLocator } from '../setup/dvcLocator';
import type * as vscode from 'vscode';

/** The data commands; package.json contributes them with these ids. */
export const dataCommandIds = {} as const;

export interface DataFeatureDependencies {
  readonly disposables: DisposableStore;
  readonly context: vscode.ExtensionContext;
  readonly repositories: WorkspaceRepositories;
  readonly schedulers: RepositorySchedulers;
  readonly locator: DvcLocator;
  readonly log: OutputLog;
}

/** What the extension-host suite reads of the data feature. */
export type DataFeatures = Record<string, never>;

export function registerDataFeatures(_deps: DataFeatureDependencies): DataFeatures {
  return {};
}
