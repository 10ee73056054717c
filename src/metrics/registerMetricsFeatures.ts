/**
 * The Metrics view in the DVC Lens side bar (all values, or only changes, by a toggle kept per workspace) and
 * "Metrics vs HEAD" in Source Control (only changes: what a commit would record). Both read the experiments
 * store, which asks DVC only while one of its views is visible.
 */
import * as vscode from 'vscode';
import { findParamKeyRange } from '../core/pipeline/analysis/paramKeyRange';
import { paramsFormatOf } from '../core/pipeline/analysis/paramsFormat';
import type { ExperimentsStore } from '../experiments';
import type { DisposableStore } from '../lifecycle/disposableStore';
import type { OutputLog } from '../log/outputLog';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';
import { isTrusted, whenTrusted } from '../trust/workspaceTrust';
import { insertMetricsSummaryCommand } from './commitMessageSummary';
import { MetricsTreeProvider } from './metricsTreeProvider';
import { metricsCommandIds } from './metricsCommandIds';
import { RegressionStatusBar } from './regressionStatusBar';
import type { RepositoryCommands } from '../repository/command';

const CHANGED_ONLY_KEY = 'dvcLens.metrics.changedOnly';

export interface MetricsFeatures {
  readonly tree: MetricsTreeProvider;
  readonly scmTree: MetricsTreeProvider;
  readonly statusBar: RegressionStatusBar;
}

export function registerMetricsFeatures(
  disposables: DisposableStore,
  context: vscode.ExtensionContext,
  store: ExperimentsStore,
  repositories: WorkspaceRepositories,
  log: OutputLog,
  commands: RepositoryCommands,
): MetricsFeatures {
  let onlyChanged = context.workspaceState.get<boolean>(CHANGED_ONLY_KEY, false);
  const tree = disposables.register(new MetricsTreeProvider(store, () => onlyChanged));
  const scmTree = disposables.register(new MetricsTreeProvider(store, () => true));
  for (const [id, provider, watcher] of [
    ['dvcLens.metrics', tree, 'metrics'],
    ['dvcLens.metricsVsHead', scmTree, 'metricsVsHead'],
  ] as const) {
    const view = disposables.register(vscode.window.createTreeView(id, { treeDataProvider: provider }));
    store.setWatched(watcher, view.visible);
    disposables.register(view.onDidChangeVisibility((event) => store.setWatched(watcher, event.visible)));
    provider.setRestricted(!isTrusted());
  }
  disposables.register(
    whenTrusted(() => {
      tree.setRestricted(false);
      scmTree.setRestricted(false);
    }),
  );

  const setOnlyChanged = async (value: boolean): Promise<void> => {
    onlyChanged = value;
    await context.workspaceState.update(CHANGED_ONLY_KEY, value);
    await vscode.commands.executeCommand('setContext', CHANGED_ONLY_KEY, value);
    tree.refresh();
  };
  void vscode.commands.executeCommand('setContext', CHANGED_ONLY_KEY, onlyChanged);
  commands.register(metricsCommandIds.showChangedMetricsOnly, () => setOnlyChanged(true));
  commands.register(metricsCommandIds.showAllMetrics, () => setOnlyChanged(false));
  commands.register(metricsCommandIds.refreshMetrics, () => store.refreshAll());
  commands.register(metricsCommandIds.openMetricKey, openMetricKey);
  // It activates the git extension and asks DVC's experiments for HEAD's metrics: Restricted Mode refuses.
  commands.registerTrusted(metricsCommandIds.insertMetricsSummary, (argument) =>
    insertMetricsSummaryCommand(store, argument),
  );
  const statusBar = disposables.register(new RegressionStatusBar(store, repositories, log));
  disposables.register(whenTrusted(() => void statusBar.update()));
  return { tree, scmTree, statusBar };
}

/** `{ root, file, key }`: opens the file with the key's line selected (the file's top when not found). */
async function openMetricKey(argument: unknown): Promise<void> {
  if (typeof argument !== 'object' || argument === null) return;
  const { root, file, key } = argument as Record<string, unknown>;
  if (typeof root !== 'string' || typeof file !== 'string' || typeof key !== 'string') return;
  const uri = vscode.Uri.joinPath(vscode.Uri.parse(root), file);
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(uri);
  } catch {
    void vscode.window.showWarningMessage(
      `DVC Lens: ${file} is not in the workspace (DVC may keep it in its cache only).`,
    );
    return;
  }
  const found = findParamKeyRange(document.getText(), paramsFormatOf(file), key);
  const selection = found
    ? new vscode.Range(found.startLine, found.startCharacter, found.endLine, found.endCharacter)
    : new vscode.Range(0, 0, 0, 0);
  await vscode.window.showTextDocument(document, { selection, preview: true });
}
