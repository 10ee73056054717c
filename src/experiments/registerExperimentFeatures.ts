/**
 * The experiments feature: the Experiments view, running and queueing experiments, managing them, and the
 * experiments table and compare panels.
 */
import * as vscode from 'vscode';
import { viewReadProgress } from '../ui/viewReadProgress';
import type { DataFeatureDependencies } from '../data';
import type { CommandRunner } from '../repository/processes';
import { ComputeTargets, LocalMachineTarget } from '../execution';
import { isTrusted, whenTrusted } from '../trust/workspaceTrust';
import { registerCompare, type CompareRegistration } from './compare/registerCompare';
import { ExperimentActions } from './experimentActions';
import { registerExperimentManageCommands } from './experimentManageCommands';
import { registerExperimentModifyCommands } from './experimentModifyCommands';
import { registerExperimentRunCommands } from './experimentRunCommands';
import { ExperimentsStore } from './experimentsStore';
import { ExperimentsTreeProvider } from './experimentsTreeProvider';
import { registerFirstCommitCommand } from './firstCommitCommand';
import { registerOtherBranchesCommands } from './otherBranchesCommands';
import { registerRemoteRuns, type RemoteRuns } from './remote/registerRemoteRuns';
import {
  registerStoreExperimentsTable,
  type ShowPlotsOfRows,
  type StoreExperimentsTable,
} from './table/experimentsTableSources';
import { ExperimentStarStore } from './experimentStarStore';
import { registerStarCommands } from './starCommands';

export { experimentCommandIds } from './experimentCommandIds';
export type { ExperimentsModel, ExperimentRow, CommitRow } from '../core/experiments/experimentModel';
export { ExperimentsService } from './experimentsService';

export interface ExperimentFeatureDependencies extends DataFeatureDependencies {
  /** The table's Plot action: the plots feature's command, wired by the composition root. */
  readonly showPlotsOfRows: ShowPlotsOfRows;
  /** Runs ssh, sbatch, squeue… for the compute targets beyond this machine. */
  readonly runner: CommandRunner;
}

/** What the extension-host suite (and the experiments table's host) reads of the experiments feature. */
export interface ExperimentFeatures {
  /** `dvc exp show` per repository, refreshed on file changes and after commands; the table can use it too. */
  readonly store: ExperimentsStore;
  readonly tree: ExperimentsTreeProvider;
  /** The experiments table panels (`DVC Lens: Show Experiments Table`). */
  readonly table: StoreExperimentsTable;
  /** The compare panels (`DVC Lens: Compare Revisions...`, the table's Compare, the view's context menu). */
  readonly compare: CompareRegistration;
  /** Where Run and Queue Experiment send experiments (this machine; more targets register here). */
  readonly computeTargets: ComputeTargets;
  /** `dvcLens.computeTargets` and the runs sent to those targets (rows in the view and the table). */
  readonly remote: RemoteRuns;
  /** Starred experiments per repository (the table's star, the view's Star / Unstar). */
  readonly stars: ExperimentStarStore;
}

export function registerExperimentFeatures(deps: ExperimentFeatureDependencies): ExperimentFeatures {
  const { disposables, repositories, locator, log } = deps;
  const store = disposables.register(
    new ExperimentsStore(repositories, locator, deps.context.workspaceState, deps.context.globalStorageUri),
  );
  const computeTargets = new ComputeTargets();
  disposables.register(computeTargets.register(new LocalMachineTarget()));
  const remote = registerRemoteRuns({ ...deps, store, computeTargets });
  const stars = disposables.register(new ExperimentStarStore(deps.context.workspaceState));
  const tree = disposables.register(new ExperimentsTreeProvider(store, remote.runs, stars));
  registerStarCommands(deps.commands, stars);
  const view = disposables.register(
    vscode.window.createTreeView('dvcLens.experiments', { treeDataProvider: tree, showCollapseAll: true }),
  );
  // A `dvc exp show` slower than 2 s shows the view's progress bar (the rows shown stay, marked refreshing).
  disposables.register(
    viewReadProgress(
      'dvcLens.experiments',
      () => store.all.some((state) => state.refreshing),
      store.onDidChange,
    ),
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
  registerExperimentRunCommands(store, actions, computeTargets, remote);
  registerExperimentModifyCommands(store, actions, computeTargets);
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
    stars,
    remote.runs,
  );
  return { store, tree, table, compare, computeTargets, remote, stars };
}
