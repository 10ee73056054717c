import * as vscode from 'vscode';
import { viewReadProgress } from '../ui/viewReadProgress';
import type { DisposableStore } from '../lifecycle/disposableStore';
import type { OutputLog } from '../log/outputLog';
import type { RepositoryCommands } from '../repository/command';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';
import type { DvcLocator } from '../setup';
import { buildPipelineGraph } from '../core/dag/buildPipelineGraph';
import { graphProblems } from '../core/dag/graphProblems';
import { registerAddPlotCommand } from './addPlot/addPlotCommand';
import { registerDagView } from './dag/dagPanel';
import { computeAnalysisProblems, registerDvcYamlLanguageFeatures } from './language';
import { registerPipelineCommands } from './pipelineCommands';
import { PipelineDiagnostics } from './pipelineDiagnostics';
import { PipelineTreeProvider } from './pipelineTreeProvider';
import { registerRunCommands } from './run/runCommands';
import { registerRunHistory } from './runHistory/registerRunHistory';
import type { RunHistoryTreeProvider } from './runHistory/runHistoryTreeProvider';
import { registerStageEditingCommands } from './stageEditing/stageEditingCommands';
import type { StageRunStates } from './run/stageRunStates';
import { StageInsights } from './stageInsights';
import { StageStatuses } from './status/stageStatuses';

export interface PipelineFeatureDependencies {
  readonly disposables: DisposableStore;
  readonly context: vscode.ExtensionContext;
  readonly repositories: WorkspaceRepositories;
  readonly locator: DvcLocator;
  readonly log: OutputLog;
  readonly commands: RepositoryCommands;
}

export interface PipelineFeatures {
  readonly tree: PipelineTreeProvider;
  readonly statuses: StageStatuses;
  readonly runs: StageRunStates;
  readonly insights: StageInsights;
  /** The Run History view (`pipelineRunsOf(root)`, `getChildren(node)`). */
  readonly runHistory: RunHistoryTreeProvider;
}

/**
 * The pipeline feature: the Pipeline view, its diagnostics, stage status from DVC, running stages, and the
 * dvc.yaml editor features. All of it reads the same repositories and the same stage insights.
 */
export function registerPipelineFeatures(deps: PipelineFeatureDependencies): PipelineFeatures {
  const { disposables, context, repositories, locator, log } = deps;
  const diagnostics = disposables.register(new PipelineDiagnostics(repositories));
  diagnostics.addSource(computeAnalysisProblems);
  // Cycles and outputs written twice span stages (and dvc.yaml files): found on the repository's graph.
  diagnostics.addSource((repository) =>
    Promise.resolve(graphProblems(buildPipelineGraph(repository.pipelines))),
  );

  const tree = disposables.register(new PipelineTreeProvider(repositories));
  const treeView = disposables.register(
    vscode.window.createTreeView('dvcLens.pipeline', { treeDataProvider: tree, showCollapseAll: true }),
  );
  tree.attach(treeView);
  const statuses = disposables.register(new StageStatuses(repositories, locator));
  registerPipelineCommands(disposables, repositories, () => statuses.refreshAll());
  registerStageEditingCommands({ repositories, commands: deps.commands, log });
  registerAddPlotCommand(disposables, repositories, log);

  const storage = context.storageUri ?? context.globalStorageUri;
  const runs = registerRunCommands({
    disposables,
    repositories,
    commands: deps.commands,
    log,
    storageDir: storage.fsPath,
  });
  const runHistory = registerRunHistory(disposables, repositories, runs, deps.commands);
  const insights = disposables.register(new StageInsights(statuses, runs));
  tree.setDecorations(insights);
  // A stage status read (or the first parse) slower than 2 s shows the view's progress bar.
  disposables.register(
    viewReadProgress(
      'dvcLens.pipeline',
      () =>
        !repositories.isLoaded ||
        repositories.repositories.some((repository) => insights.isRefreshing(repository.root.toString())),
      tree.onDidChangeTreeData,
    ),
  );
  // A run rewrites dvc.lock and outputs; the file watcher asks DVC again, and so does the end of a run.
  disposables.register(runs.onDidChange(() => statuses.refreshAll()));

  registerDvcYamlLanguageFeatures({
    disposables,
    repositories,
    statusOf: (root, stage) => insights.statusOf(root, stage),
    lastRunOf: (root, stage) => insights.lastRunOf(root, stage),
    onDidChangeStatus: insights.onDidChange,
  });
  registerDagView({
    disposables,
    repositories,
    extensionUri: context.extensionUri,
    statusOf: (root, stage) => insights.statusOf(root, stage),
    runStateOf: (root, stage) => insights.runStateOf(root, stage),
    lastRunOf: (root, stage) => insights.lastRunOf(root, stage),
    onDidChangeStatus: insights.onDidChange,
    revealInTree: (root, stage) => void tree.revealStage(root, stage),
  });
  return { tree, statuses, runs, insights, runHistory };
}
