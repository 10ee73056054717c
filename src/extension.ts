import * as vscode from 'vscode';
import { commandIds } from './commandIds';
import { ProcessRunner } from './cli/runner';
import { DisposableStore } from './lifecycle/disposableStore';
import { OutputLog } from './log/outputLog';
import type { PipelineTreeProvider } from './pipeline/pipelineTreeProvider';
import { registerPipelineFeatures } from './pipeline/registerPipelineFeatures';
import { MissingDataNotice } from './data';
import { registerDataFeatures, type DataFeatures } from './data/registerDataFeatures';
import { registerDataScmCommands } from './data';
import { registerRemoteFeatures, type RemoteFeatures } from './remotes/registerRemoteFeatures';
import {
  registerExperimentFeatures,
  type ExperimentFeatures,
} from './experiments/registerExperimentFeatures';
import { registerMetricsFeatures, type MetricsFeatures } from './metrics/registerMetricsFeatures';
import { registerHistoryFeatures, type HistoryFeatures } from './history/registerHistoryFeatures';
import { registerReportFeatures } from './report/registerReportFeatures';
import { registerCiFeatures } from './ci/registerCiFeatures';
import { registerRegistryFeatures, type RegistryFeatures } from './registry';
import type { StageInsights } from './pipeline/stageInsights';
import type { RunHistoryTreeProvider } from './pipeline/runHistory/runHistoryTreeProvider';
import { registerPlotFeatures, type PlotFeatures } from './plots/registerPlotFeatures';
import { RepositoryCommands } from './repository/command';
import { RepositorySchedulers } from './repository/repositorySchedulers';
import { WorkspaceRepositories } from './repository/workspaceRepositories';
import { affectsDvcLocation } from './config/settings';
import { dvcFailureActions } from './setup/dvcFailureActions';
import { DvcLocator } from './setup/dvcLocator';
import { DvcStatusBar } from './setup/dvcStatusBar';
import { initializeProjectCommand } from './setup/initializeProjectCommand';
import { installDvcCommand } from './setup/installDvcCommand';
import { createProjectSetupServices, installDvcWithPip } from './setup/processBackedSetup';
import { selectDvcExecutableCommand } from './setup/selectDvcExecutableCommand';
import { isTrusted, whenTrusted } from './trust/workspaceTrust';

/** What `activate` returns: read by the extension-host test suite, not a public API. */
export interface DvcLensTestApi {
  readonly repositories: WorkspaceRepositories;
  readonly pipelineTree: PipelineTreeProvider;
  readonly locator: DvcLocator;
  readonly stageInsights: StageInsights;
  /** The Run History view. */
  readonly runHistory: RunHistoryTreeProvider;
  readonly data: DataFeatures;
  readonly remotes: RemoteFeatures;
  readonly experiments: ExperimentFeatures;
  readonly metrics: MetricsFeatures;
  /** The plots dashboards (`dashboards()`, `dashboardFor(root)`). */
  readonly plots: PlotFeatures;
  readonly history: HistoryFeatures;
  /** The model registry (Models view). */
  readonly registry: RegistryFeatures;
  /** The once-per-repository notice of outputs not in the local cache. */
  readonly missingDataNotice: MissingDataNotice;
  /** Lines written to the "DVC Lens" Output channel, newest last (one per process call). */
  outputLines(): readonly string[];
}

/**
 * The composition root: builds each service once, hands it down, and registers every disposable. Nothing
 * here waits for DVC or git: the Pipeline view paints from files, and DVC is located in the background.
 */
export function activate(context: vscode.ExtensionContext): DvcLensTestApi {
  const disposables = new DisposableStore();
  context.subscriptions.push(disposables);

  const log = disposables.register(new OutputLog());
  const runner = new ProcessRunner({ log });
  const locator = disposables.register(new DvcLocator(runner, log));
  const schedulers = disposables.register(new RepositorySchedulers(runner));
  const repositories = disposables.register(
    new WorkspaceRepositories({ log, schedulers, dvcExecutable: locator }),
  );
  const commands = new RepositoryCommands({ disposables, repositories, log });
  const statusBar = disposables.register(new DvcStatusBar(locator));
  const featureDeps = { disposables, context, repositories, locator, log, commands };
  const pipeline = registerPipelineFeatures(featureDeps);
  const pipelineTree = pipeline.tree;
  const data = registerDataFeatures(featureDeps);
  const remotes = registerRemoteFeatures(featureDeps);
  registerDataScmCommands(commands, { push: commandIds.push, pull: commandIds.pull });
  const missingDataNotice = disposables.register(
    new MissingDataNotice(data.model, (root) => vscode.commands.executeCommand(commandIds.pull, { root })),
  );
  const experiments = registerExperimentFeatures({
    ...featureDeps,
    runner,
    showPlotsOfRows: (root, rowIds) =>
      void vscode.commands.executeCommand(commandIds.showPlots, { root, rowIds }),
  });
  const metrics = registerMetricsFeatures(
    disposables,
    context,
    experiments.store,
    repositories,
    log,
    commands,
  );
  const plots = registerPlotFeatures(featureDeps, experiments.store);
  const history = registerHistoryFeatures(featureDeps, experiments.store);
  registerReportFeatures(featureDeps);
  registerCiFeatures(featureDeps);
  const registry = registerRegistryFeatures(featureDeps, experiments.store);
  experiments.tree.setCommitBadges(registry.badges, registry.store.onDidChange);
  experiments.table.setCommitBadges(registry.badges, registry.store.onDidChange);
  history.tree.setCommitBadges(registry.badges, registry.store.onDidChange);
  const setupServices = createProjectSetupServices({ log, schedulers }, () => locator.ready());

  commands.handleFailureActions(
    dvcFailureActions({
      runner,
      log,
      locator,
      setup: setupServices,
      pull: (repository) => vscode.commands.executeCommand(commandIds.pull, { root: repository.root }),
    }),
  );
  commands.register(commandIds.showLog, () => log.show());
  commands.register(commandIds.selectDvcExecutable, () => selectDvcExecutableCommand());
  // They run processes (pip, dvc init) without a repository to act on yet: the trust gate alone.
  commands.registerTrusted(
    commandIds.installDvc,
    () =>
      installDvcCommand(
        (folder, python, signal, onOutput) => installDvcWithPip(runner, folder, python, signal, onOutput),
        log,
        () => void locator.locate(),
      ),
    restrictedRefusal('Install DVC'),
  );
  commands.registerTrusted(
    commandIds.initializeProject,
    (argument) => initializeProjectCommand(setupServices, log, () => void repositories.rescan(), argument),
    restrictedRefusal('Initialize Project'),
  );

  void repositories.rescan();
  if (!isTrusted()) statusBar.showRestricted();
  // Locating DVC runs executables (possibly from the workspace's venv): trusted workspaces only.
  disposables.register(
    whenTrusted(() => {
      pipelineTree.setRestricted(false);
      void locator.locate();
      disposables.register(
        vscode.workspace.onDidChangeConfiguration((event) => {
          if (affectsDvcLocation(event)) void locator.locate();
        }),
      );
      disposables.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void locator.locate()));
      locator.watchEnvironments((filter, listener) => repositories.onWorkspaceFiles(filter, listener));
    }),
  );
  pipelineTree.setRestricted(!isTrusted());

  return {
    repositories,
    pipelineTree,
    locator,
    stageInsights: pipeline.insights,
    runHistory: pipeline.runHistory,
    data,
    remotes,
    experiments,
    metrics,
    plots,
    history,
    registry,
    missingDataNotice,
    outputLines: () => log.recentLines(),
  };
}

function restrictedRefusal(what: string): string {
  return `DVC Lens: ${what} runs processes, which Restricted Mode does not allow. Trust the workspace first.`;
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
