import * as vscode from 'vscode';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';
import { toVscodeRange } from '../pipelineDiagnostics';
import type { DagWebviewMessage } from '../../core/protocols/dagProtocol';
import { pipelineCommandIds } from '../pipelineCommandIds';

type StageMessage = Exclude<DagWebviewMessage, { type: 'ready' }>;

/** Commands of other parts of the extension the panel calls; their arguments are `{ root: Uri, stage }`. */
const commands = pipelineCommandIds;

async function openStage(repositories: WorkspaceRepositories, root: string, stage: string): Promise<void> {
  const repository = repositories.repositories.find((candidate) => candidate.root.toString() === root);
  for (const pipeline of repository?.pipelines ?? []) {
    const found = pipeline.stages.find((candidate) => candidate.qualifiedName === stage);
    if (!found || !repository) continue;
    await vscode.commands.executeCommand(
      commands.openStage,
      vscode.Uri.joinPath(repository.root, pipeline.file),
      toVscodeRange(found.range),
    );
    return;
  }
  // A data source node names its `.dvc` file (repository-relative, never outside the repository).
  if (repository && stage.endsWith('.dvc') && !stage.split('/').includes('..') && !stage.startsWith('/'))
    await vscode.window.showTextDocument(vscode.Uri.joinPath(repository.root, stage));
}

/** Does what a (checked) message from the DAG webview asks; failures are shown, not thrown. */
export async function handleDagMessage(
  message: StageMessage,
  repositories: WorkspaceRepositories,
  revealInTree?: (root: string, stage: string) => void,
): Promise<void> {
  // The webview names a repository by its root; anything but a known root is ignored, so a compromised
  // page cannot point a run at an arbitrary folder.
  const root = repositories.repositories.find(
    (candidate) => candidate.root.toString() === message.root,
  )?.root;
  if (!root) return;
  try {
    switch (message.type) {
      case 'openStage':
        revealInTree?.(message.root, message.stage);
        return await openStage(repositories, message.root, message.stage);
      case 'runStage':
        await vscode.commands.executeCommand(
          message.mode === 'withUpstream' ? commands.reproStage : commands.reproDownstream,
          { root, stage: message.stage },
        );
        return;
      case 'showLastLog':
        await vscode.commands.executeCommand(commands.showLastStageLog, { root, stage: message.stage });
        return;
      default: {
        const unhandled: never = message;
        return unhandled;
      }
    }
  } catch (error) {
    void vscode.window.showErrorMessage(
      `DVC Lens: could not do that for stage '${message.stage}': ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
