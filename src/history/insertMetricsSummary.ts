/**
 * "DVC Lens: Insert Metrics Summary into Commit Message": the params and metrics changed against HEAD, as a
 * plain-text block appended to the Source Control input box of the git repository that holds the DVC
 * project (through the built-in git extension's API). Resolves to the summary written (tests read it).
 */
import * as vscode from 'vscode';
import { commitMessageSummary } from '../core/history/workspaceMetricChanges';
import { showErrorWithLog } from '../ui/messages';
import { pickRepository, type HistoryToolDependencies } from './historyTools';
import type { WorkspaceMetrics } from './workspaceMetrics';

/** The part of the built-in git extension's API (version 1) this command uses. */
interface GitApiRepository {
  readonly rootUri: vscode.Uri;
  readonly inputBox: { value: string };
}
interface GitExtensionApi {
  getAPI(version: 1): { readonly repositories: readonly GitApiRepository[] };
}

export async function insertMetricsSummaryCommand(
  deps: HistoryToolDependencies,
  metrics: WorkspaceMetrics,
  argument: unknown,
): Promise<string | undefined> {
  const repository = await pickRepository(argument, deps.repositories, 'Summarize which repository?');
  if (!repository) return undefined;
  const result = await metrics.refreshOne(repository.root);
  if (result.error) {
    void showErrorWithLog(deps.log, `DVC Lens: the changes against HEAD could not be read: ${result.error}`);
    return undefined;
  }
  const summary = commitMessageSummary(result.changes, 'HEAD');
  if (!summary) {
    void vscode.window.showInformationMessage('DVC Lens: no params or metrics changed since HEAD.');
    return '';
  }
  const git = await gitRepositoryFor(repository.root);
  if (!git) {
    void showErrorWithLog(
      deps.log,
      'DVC Lens: the built-in Git extension has no repository for this folder.',
    );
    return undefined;
  }
  const current = git.inputBox.value.trimEnd();
  git.inputBox.value = current ? `${current}\n\n${summary}` : summary;
  return summary;
}

async function gitRepositoryFor(root: vscode.Uri): Promise<GitApiRepository | undefined> {
  const extension = vscode.extensions.getExtension<GitExtensionApi>('vscode.git');
  if (!extension) return undefined;
  const api = (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);
  // The git extension finds its repositories in the background after activation: give it a moment.
  for (let waited = 0; api.repositories.length === 0 && waited < 5000; waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const path = root.fsPath;
  return api.repositories
    .filter(
      (candidate) => path === candidate.rootUri.fsPath || path.startsWith(`${candidate.rootUri.fsPath}/`),
    )
    .sort((a, b) => b.rootUri.fsPath.length - a.rootUri.fsPath.length)[0];
}
