/**
 * The data feature: the Data view of everything DVC tracks, its status as Explorer decorations, and the
 * commands that track, untrack, check out and commit data.
 */
import { checkoutConfirmation, forEachSelected, noConfirmation, untrackConfirmation } from './dataSelection';
import * as vscode from 'vscode';
import { viewReadProgress } from '../ui/viewReadProgress';
import { settingKeys } from '../config/settings';
import type { DisposableStore } from '../lifecycle/disposableStore';
import type { OutputLog } from '../log/outputLog';
import type { RepositoryCommands } from '../repository/command';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';
import type { DvcLocator } from '../setup';
import { isTrusted, whenTrusted } from '../trust/workspaceTrust';
import { checkRemoteCommand } from './checkRemoteCommand';
import { dataCommandIds } from './dataCommandIds';
import { dataWriteOptions, type DataCommandContext } from './dataTools';
import {
  checkoutDataCommand,
  commitDataChangesCommand,
  commitDataCommand,
  untrackDataCommand,
} from './dataCommands';
import { openDataDiffCommand } from './dataDiffCommand';
import { DataDecorationProvider } from './dataDecorations';
import { DataDiagnostics } from './dataDiagnostics';
import { DataModel } from './dataModel';
import { DATA_REVISION_SCHEME, DataRevisionContentProvider } from './dataRevisionContent';
import { trackDataCommand } from './trackDataCommand';
import { DataTreeProvider } from './tree/dataTreeProvider';
import { DataSourceControls } from './scm/dataSourceControls';

const NO_DATA_REPOSITORY = 'DVC Lens: open a DVC repository first.';

export interface DataFeatureDependencies {
  readonly disposables: DisposableStore;
  readonly context: vscode.ExtensionContext;
  readonly repositories: WorkspaceRepositories;
  readonly locator: DvcLocator;
  readonly log: OutputLog;
  /** THE command runtime (trust, repository, DVC, progress, error, refresh). */
  readonly commands: RepositoryCommands;
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
  /** DVC's changes in Source Control (`groupsOf(root)`); made once the workspace is trusted. */
  sourceControls(): DataSourceControls | undefined;
}

export function registerDataFeatures(deps: DataFeatureDependencies): DataFeatures {
  const { disposables, repositories, locator, log, commands } = deps;
  const model = disposables.register(new DataModel(repositories));
  const tree = disposables.register(new DataTreeProvider(model, locator));
  tree.attach(
    disposables.register(
      vscode.window.createTreeView('dvcLens.data', { treeDataProvider: tree, showCollapseAll: true }),
    ),
  );
  // A `dvc data status` slower than 2 s shows the view's progress bar.
  disposables.register(viewReadProgress('dvcLens.data', () => model.isRefreshing, model.onDidChange));
  const decorations = disposables.register(new DataDecorationProvider(model));
  disposables.register(vscode.window.registerFileDecorationProvider(decorations));
  const diagnostics = disposables.register(new DataDiagnostics(model));

  tree.setRestricted(!isTrusted());
  // Source Control shows what `dvc data status` found, which is never read in Restricted Mode.
  let sourceControls: DataSourceControls | undefined;
  disposables.register(
    whenTrusted(() => {
      sourceControls ??= disposables.register(new DataSourceControls(model));
      tree.setRestricted(false);
      void model.refreshStatus(undefined, { changedAt: Number.NEGATIVE_INFINITY });
    }),
  );
  // DVC found (or changed): statuses can be read now. Nothing on disk changed: a read running (started by
  // the slice itself) answers this too, and another DVC reads again (the reader tells).
  disposables.register(
    locator.onDidChange(() => void model.refreshStatus(undefined, { changedAt: Number.NEGATIVE_INFINITY })),
  );
  disposables.register(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(settingKeys.dataCheckRemote)) void model.refreshStatus();
    }),
  );

  const commandContext: DataCommandContext = { model, repositories, commands, log };
  const isDataRepository = (repository: { readonly root: vscode.Uri }): boolean =>
    model.repository(repository.root) !== undefined;
  // A command's refresh of 'data' is the data slice's own refresh (the runtime calls refreshSlices). After a
  // push or pull a status that included the remote asks it again.
  const reload = (root: string): Promise<void> =>
    model.reload([root], { notInRemote: model.remoteChecked(root) });
  // Files are re-read even in Restricted Mode; status only where DVC may run.
  commands.register(dataCommandIds.refreshData, async () => {
    await Promise.all(model.all.map((repository) => reload(repository.root.toString())));
  });
  commands.repositoryCommand(
    dataCommandIds.checkDataRemote,
    {
      accepts: isDataRepository,
      noRepository: NO_DATA_REPOSITORY,
      needsDvc: true,
      dvcMissing: 'DVC Lens: DVC was not found, so the remote could not be asked.',
    },
    (runtime) => checkRemoteCommand(commandContext, runtime),
  );
  // The targets name the repositories: trust here, the rest of the runtime per repository (dataTools.ts).
  commands.registerTrusted(dataCommandIds.trackData, (argument, second) =>
    trackDataCommand(commandContext, argument, second),
  );
  commands.registerTrusted(dataCommandIds.untrackData, (argument, second) =>
    forEachSelected(commandContext, untrackDataCommand, untrackConfirmation, argument, second),
  );
  commands.registerTrusted(dataCommandIds.checkoutData, (argument, second) =>
    forEachSelected(commandContext, checkoutDataCommand, checkoutConfirmation, argument, second),
  );
  commands.registerTrusted(dataCommandIds.commitData, (argument, second) =>
    forEachSelected(commandContext, commitDataCommand, noConfirmation, argument, second),
  );
  commands.repositoryCommand(
    dataCommandIds.commitDataChanges,
    {
      accepts: isDataRepository,
      noRepository: NO_DATA_REPOSITORY,
      ...dataWriteOptions('The data changes were not committed'),
    },
    commitDataChangesCommand,
  );
  disposables.register(
    vscode.workspace.registerTextDocumentContentProvider(
      DATA_REVISION_SCHEME,
      new DataRevisionContentProvider(repositories),
    ),
  );
  // Git and DVC read the repository (git config can run programs): only in a trusted workspace.
  commands.registerTrusted(dataCommandIds.openDataDiff, (argument, second) =>
    openDataDiffCommand(commandContext, argument, second),
  );
  return { tree, decorations, model, diagnostics, sourceControls: () => sourceControls };
}
