/**
 * The model registry feature (issue 16): the Models view, its actions through gto, Compare with the version
 * in prod, and Create Deploy Workflow. One call from src/extension.ts.
 */
import * as vscode from 'vscode';
import { allRows } from '../core/experiments/experimentModel';
import { commitBadges, type CommitBadgeSource } from '../core/registry/commitBadges';
import { formatExperimentValue, headlineMetric } from '../core/experiments/headlineMetric';
import type { DataFeatureDependencies } from '../data';
import { headlineMetricSetting, type ExperimentsStore } from '../experiments';
import { historyCommandIds } from '../history';
import { isRecord } from '../remotes';
import { whenTrusted } from '../trust/workspaceTrust';
import { declareArtifactCommand } from './declareArtifactCommand';
import { createDeployWorkflowCommand } from './deployWorkflowCommand';
import { ModelsTreeProvider } from './modelsTreeProvider';
import {
  assignStage,
  deprecate,
  registerVersion,
  registryFailure,
  unassignStage,
  type RegistryActionDependencies,
} from './registryActions';
import { registryCommandIds } from './registryCommandIds';
import { RegistryStore } from './registryStore';

/** What the extension-host suite reads of the registry feature. */
export interface RegistryFeatures {
  readonly store: RegistryStore;
  readonly tree: ModelsTreeProvider;
  /** Version and stage badges of a commit, for the Experiments view, the table and History. */
  readonly badges: CommitBadgeSource;
}

const DECLARATIONS_RELOAD_DELAY_MS = 1500;

export function registerRegistryFeatures(
  deps: DataFeatureDependencies,
  experiments: ExperimentsStore,
): RegistryFeatures {
  const { disposables, repositories, log, commands, locator } = deps;
  const store = disposables.register(new RegistryStore(repositories, log));
  const metricOf = (root: vscode.Uri, sha: string): string | undefined => {
    const model = experiments.get(root.toString())?.model;
    const row = model ? allRows(model).find((candidate) => candidate.rev === sha) : undefined;
    const metric = row ? headlineMetric(row, headlineMetricSetting()) : undefined;
    return metric ? `${metric.key} ${formatExperimentValue(metric.value)}` : undefined;
  };
  const tree = disposables.register(new ModelsTreeProvider(store, metricOf));
  disposables.register(experiments.onDidChange(() => tree.repaint()));
  const view = disposables.register(
    vscode.window.createTreeView('dvcLens.models', { treeDataProvider: tree }),
  );
  void store.reloadAll();
  // A dvc.yaml changes in bursts (a repro rewrites several): declarations are read again after a quiet
  // moment, and only while the view shows them (else when it becomes visible).
  let stale = false;
  let timer: NodeJS.Timeout | undefined;
  const reloadIfVisible = (): void => {
    if (!view.visible) return void (stale = true);
    stale = false;
    void store.reloadAll();
  };
  disposables.register(
    repositories.onDidChange(() => {
      clearTimeout(timer);
      timer = setTimeout(reloadIfVisible, DECLARATIONS_RELOAD_DELAY_MS);
    }),
  );
  disposables.register({ dispose: () => clearTimeout(timer) });
  disposables.register(view.onDidChangeVisibility((event) => event.visible && stale && reloadIfVisible()));
  // Trust granted: the tags are read with git from now on (authors, dates, commit dates).
  disposables.register(whenTrusted(() => void store.reloadAll()));

  const actionDeps: RegistryActionDependencies = { store, dvc: locator };
  const restricted =
    "DVC Lens: the model registry's actions run gto and git, which Restricted Mode does not allow.";
  const options = (pickTitle: string, progress: string) =>
    ({ pickTitle, progress, restricted, failure: registryFailure, refreshes: [] }) as const;
  commands.repositoryCommand(
    registryCommandIds.registerModelVersion,
    options('Register a version in which repository?', 'Register Version'),
    (context) => registerVersion(actionDeps, context),
  );
  commands.repositoryCommand(
    registryCommandIds.assignModelStage,
    options('Assign a stage in which repository?', 'Assign Stage'),
    (context) => assignStage(actionDeps, context),
  );
  commands.repositoryCommand(
    registryCommandIds.unassignModelStage,
    options('Unassign a stage in which repository?', 'Unassign Stage'),
    (context) => unassignStage(actionDeps, context),
  );
  commands.repositoryCommand(
    registryCommandIds.deprecateModel,
    options('Deprecate in which repository?', 'Deprecate'),
    (context) => deprecate(actionDeps, context),
  );
  commands.repositoryCommand(
    registryCommandIds.declareArtifact,
    { pickTitle: 'Declare an artifact in which repository?', restricted, failure: registryFailure },
    async (context) => {
      const uri = await declareArtifactCommand(context);
      if (uri) await context.repository.refresh([uri]);
      await store.reload(context.repository);
      return uri;
    },
  );
  commands.repositoryCommand(
    registryCommandIds.createDeployWorkflow,
    { pickTitle: 'Create a deploy workflow for which repository?', failure: registryFailure },
    (context) => createDeployWorkflowCommand(store, context),
  );
  commands.registerTrusted(registryCommandIds.refreshModels, () => store.reloadAll(), restricted);
  commands.registerTrusted(
    registryCommandIds.compareWithProd,
    (argument) => compareWithStage(store, argument, 'prod'),
    restricted,
  );
  const badges: CommitBadgeSource = {
    badges: (root, sha) => commitBadges(store.get(root)?.state, sha),
    tags: (root, sha) => store.get(root)?.state?.tagsByCommit.get(sha) ?? [],
  };
  return { store, tree, badges };
}

/** Opens the comparison of a version node's commit with the commit of the version now in `stage`. */
async function compareWithStage(store: RegistryStore, argument: unknown, stage: string): Promise<void> {
  if (!isRecord(argument) || !(argument.root instanceof vscode.Uri) || typeof argument.artifact !== 'string')
    return;
  const version = argument.version;
  if (!isRecord(version) || typeof version.commit !== 'string') return;
  const artifact = store.get(argument.root)?.state?.artifacts.find((item) => item.name === argument.artifact);
  const inStage = artifact?.stages[stage];
  const target = artifact?.versions.find((item) => item.version === inStage);
  if (!target) {
    void vscode.window.showInformationMessage(
      `DVC Lens: no version of ${String(argument.artifact)} is in ${stage}.`,
    );
    return;
  }
  await vscode.commands.executeCommand(historyCommandIds.openHistoryCommit, {
    root: argument.root,
    sha: version.commit,
    parent: target.commit,
  });
}
