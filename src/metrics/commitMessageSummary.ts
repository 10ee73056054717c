/**
 * "Insert Metrics Summary" in the Source Control title: puts the metrics and params that differ from HEAD
 * into the git commit message box of the repository (after what is already typed there). Uses the built-in
 * git extension's API; only the few members used here are typed.
 */
import * as vscode from 'vscode';
import { metricsCommitSummary } from '../core/metrics/metricsSummary';
import { workspaceVsHead } from '../core/metrics/workspaceVsHead';
import { metricDirectionsSetting } from '../experiments';
import type { ExperimentsStore } from '../experiments';
import { isInside } from '../repository/workspaceScan';

interface GitRepositoryApi {
  readonly rootUri: vscode.Uri;
  readonly inputBox: { value: string };
}
interface GitApi {
  readonly repositories: readonly GitRepositoryApi[];
}
interface GitExtensionExports {
  getAPI(version: 1): GitApi;
}

async function gitApi(): Promise<GitApi | undefined> {
  const extension = vscode.extensions.getExtension<GitExtensionExports>('vscode.git');
  if (!extension) return undefined;
  const exports = extension.isActive ? extension.exports : await extension.activate();
  return exports.getAPI(1);
}

/** The Source Control repository the button was pressed on (`{ rootUri }`), `{ root }`, or the first one. */
function wantedRoot(argument: unknown): vscode.Uri | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const record = argument as Record<string, unknown>;
  const uri = record.rootUri ?? record.root;
  return uri instanceof vscode.Uri ? uri : typeof uri === 'string' ? vscode.Uri.parse(uri) : undefined;
}

export async function insertMetricsSummaryCommand(
  store: ExperimentsStore,
  argument?: unknown,
): Promise<void> {
  const git = await gitApi();
  const wanted = wantedRoot(argument);
  const repository = wanted
    ? git?.repositories.find((candidate) => candidate.rootUri.toString() === wanted.toString())
    : git?.repositories[0];
  if (!repository) {
    void vscode.window.showWarningMessage('DVC Lens: no git repository open in Source Control.');
    return;
  }
  // The DVC repository inside (or equal to) the git repository's folder.
  const state = store.all.find(
    (candidate) =>
      candidate.repository.root.toString() === repository.rootUri.toString() ||
      isInside(candidate.repository.root, repository.rootUri),
  );
  if (!state) {
    void vscode.window.showWarningMessage('DVC Lens: this git repository holds no DVC project.');
    return;
  }
  if (!state.answeredByDvc) await store.load(state.repository.root.toString());
  const model = store.get(state.repository.root.toString())?.model;
  const comparison = model ? workspaceVsHead(model, metricDirectionsSetting()) : undefined;
  const summary = comparison ? metricsCommitSummary(comparison) : undefined;
  if (!summary) {
    void vscode.window.showInformationMessage('DVC Lens: no metrics or params differ from HEAD.');
    return;
  }
  const typed = repository.inputBox.value.trimEnd();
  repository.inputBox.value = typed === '' ? `\n\n${summary}` : `${typed}\n\n${summary}`;
}
