/**
 * The experiments feature: the Experiments view, running and queueing experiments, managing them, and the
 * experiments table and compare panels.
 */
import * as vscode from 'vscode';
import type { DataFeatureDependencies } from '../data';
import { ComputeTargets, LocalMachineTarget } from '../execution';
import { isTrusted, whenTrusted } from '../trust/workspaceTrust';
import { registerCompare, type CompareRegistration } from './compare/registerCompare';
import { ExperimentActions } from './experimentActions';
import { registerExperimentManageCommands } from './experimentManageCommands';
import { registerExperimentRunCommands } from './experimentRunCommands';
import { ExperimentsStore } from './experimentsStore';
import { ExperimentsTreeProvider } from './experimentsTreeProvider';
import { registerFirstCommitCommand } from './firstCommitCommand';
import { registerOtherBranchesCommands } from './otherBranchesCommands';
import { registerStoreExperimentsTable, type ShowPlotsOfRows } from './table/experimentsTableSources';
import type { ExperimentsTableRegistration } from './table/registerExperimentsTable';

export { experimentCommandIds } from './experimentCommandIds';
export type { ExperimentsModel, ExperimentRow, CommitRow } from '../core/experiments/experimentModel';
export { ExperimentsService } from './experimentsService';

export interface ExperimentFeatureDependencies extends DataFeatureDependencies {
  /** The table's Plot action: the plots feature's command, wired by the composition root. */
  readonly showPlotsOfRows: ShowPlotsOfRows;
}

/** What the extension-host suite (and the experiments table's host) reads of the experiments feature. */
export interface ExperimentFeatures {
  /** `dvc exp show` per repository, refreshed on file changes and after commands; the table can use it too. */
  readonly store: ExperimentsStore;
  readonly tree: ExperimentsTreeProvider;
  /** The experiments table panels (`DVC Lens: Show Experiments Table`). */
  readonly table: ExperimentsTableRegistration;
  /** The compare panels (`DVC Lens: Compare Revisions...`, the table's Compare, the view's context menu). */
  readonly compare: CompareRegistration;
  /** Where Run and Queue Experiment send experiments (this machine; more targets register here). */
  readonly computeTargets: ComputeTargets;
}

export function registerExperimentFeatures(deps: ExperimentFeatureDependencies): ExperimentFeatures {
  const { disposables, repositories, locator, log } = deps;
  const store = disposables.register(
    new ExperimentsStore(repositories, locator, deps.context.workspaceState, deps.context.globalStorageUri),
  );
  const tree = disposables.register(new ExperimentsTreeProvider(store));
  const view = disposables.register(
    vscode.window.createTreeView('dvcLens.experiments', { treeDataProvider: tree, showCollapseAll: true }),
  );
  // The table's host calls store.setWatched('table', …) the same way while its panel is visible.
  store.setWatched('view', view.visible);
  disposables.register(view.onDidChangeVisibility((event) => store.setWatched('view', event.visible)));
  tree.setRestricted(!isTrusted());
  disposables.register(
    whenTrusted(() => {
      tree.setRestricted(false);
      store.refreshAll();
    }),
  );
  const actions = disposables.register(new ExperimentActions(store, deps.commands, disposables));
  const computeTargets = new ComputeTargets();
  disposables.register(computeTargets.register(new LocalMachineTarget()));
  registerExperimentRunCommands(store, actions, computeTargets);
  registerExperimentManageCommands(deps.commands, store, actions);
  registerOtherBranchesCommands(store, actions);
  registerFirstCommitCommand(actions, log);
  const compare = registerCompare({ ...deps, store });
  const table = registerStoreExperimentsTable(
    disposables,
    deps.context,
    store,
    repositories,
    compare,
    deps.showPlotsOfRows,
  );
  return { store, tree, table, compare, computeTargets };
}
