/**
 * The data feature: the Data view of everything DVC tracks, its status as Explorer decorations, and the
 * commands that track, untrack, check out and commit data.
 */
import { checkoutConfirmation, forEachSelected, noConfirmation, untrackConfirmation } from './dataSelection';
import * as vscode from 'vscode';
import { settingKeys } from '../config/settings';
import type { DisposableStore } from '../lifecycle/disposableStore';
import type { OutputLog } from '../log/outputLog';
import type { RepositorySchedulers } from '../repository/repositorySchedulers';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';
import type { DvcLocator } from '../setup/dvcLocator';
import { isTrusted, whenTrusted } from '../trust/workspaceTrust';
import { checkRemoteCommand } from './checkRemoteCommand';
import type { DataCommandContext } from './dataCommandRuntime';
import {
  checkoutDataCommand,
  commitDataChangesCommand,
  commitDataCommand,
  untrackDataCommand,
} from './dataCommands';
import { DataDecorationProvider } from './dataDecorations';
import { DataDiagnostics } from './dataDiagnostics';
import { DataModel } from './dataModel';
import { trackDataCommand } from './trackDataCommand';
import { DataTreeProvider } from './tree/dataTreeProvider';

/** The data commands; package.json contributes them with these ids. */
export const dataCommandIds = {
  refreshData: 'dvcLens.refreshData',
  checkDataRemote: 'dvcLens.checkDataRemote',
  trackData: 'dvcLens.trackData',
  untrackData: 'dvcLens.untrackData',
  checkoutData: 'dvcLens.checkoutData',
  commitData: 'dvcLens.commitData',
  commitDataChanges: 'dvcLens.commitDataChanges',
} as const;

export interface DataFeatureDependencies {
  readonly disposables: DisposableStore;
  readonly context: vscode.ExtensionContext;
  readonly repositories: WorkspaceRepositories;
  readonly schedulers: RepositorySchedulers;
  readonly locator: DvcLocator;
  readonly log: OutputLog;
}

/** What the extension-host suite reads of the data feature. */
export interface DataFeatures {
  /** The Data view (`rootNodes()`, `getChildren(node)`). */
  readonly tree: DataTreeProvider;
  /** Explorer decorations (`decorationFor(uri)`). */
  readonly decorations: DataDecorationProvider;
  /** Tracked paths and statuses per repository (`all`, `reload()`, `refreshStatus()`, `isRefreshing`). */
  readonly model: DataModel;
  readonly diagnostics: DataDiagnostics;
}

export function registerDataFeatures(deps: DataFeatureDependencies): DataFeatures {
  const { disposables, repositories, schedulers, locator, log } = deps;
  const model = disposables.register(new DataModel(repositories));
  const tree = disposables.register(new DataTreeProvider(model, locator));
  tree.attach(
    disposables.register(
      vscode.window.createTreeView('dvcLens.data', { treeDataProvider: tree, showCollapseAll: true }),
    ),
  );
  const decorations = disposables.register(new DataDecorationProvider(model));
  disposables.register(vscode.window.registerFileDecorationProvider(decorations));
  const diagnostics = disposables.register(new DataDiagnostics(model));

  tree.setRestricted(!isTrusted());
  disposables.register(
    whenTrusted(() => {
      tree.setRestricted(false);
      void model.refreshStatus();
    }),
  );
  // DVC found (or changed): statuses can be read now.
  disposables.register(locator.onDidChange(() => void model.refreshStatus()));
  disposables.register(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(settingKeys.dataCheckRemote)) void model.refreshStatus();
    }),
  );

  const commandContext: DataCommandContext = { model, schedulers, locator, log };
  const register = (id: string, handler: (...args: unknown[]) => Promise<void>): void => {
    disposables.register(vscode.commands.registerCommand(id, handler));
  };
  // Files are re-read even in Restricted Mode; status only where DVC may run. After a push or pull (the
  // remotes feature calls this) a status that included the remote asks it again.
  register(dataCommandIds.refreshData, async () => {
    await Promise.all(
      model.all.map((repository) =>
        model.reload([repository.root.toString()], {
          notInRemote: model.remoteChecked(repository.root.toString()),
        }),
      ),
    );
  });
  register(dataCommandIds.checkDataRemote, (argument) => checkRemoteCommand(commandContext, argument));
  register(dataCommandIds.trackData, (argument, second) =>
    trackDataCommand(commandContext, argument, second),
  );
  register(dataCommandIds.untrackData, (argument, second) =>
    forEachSelected(commandContext, untrackDataCommand, untrackConfirmation, argument, second),
  );
  register(dataCommandIds.checkoutData, (argument, second) =>
    forEachSelected(commandContext, checkoutDataCommand, checkoutConfirmation, argument, second),
  );
  register(dataCommandIds.commitData, (argument, second) =>
    forEachSelected(commandContext, commitDataCommand, noConfirmation, argument, second),
  );
  register(dataCommandIds.commitDataChanges, (argument) =>
    commitDataChangesCommand(commandContext, argument),
  );
  return { tree, decorations, model, diagnostics };
}
