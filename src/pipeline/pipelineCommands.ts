import * as vscode from 'vscode';
import { pipelineCommandIds } from './pipelineCommandIds';
import type { DisposableStore } from '../lifecycle/disposableStore';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';
import type { PipelineViewNode } from './pipelineTreeProvider';
import { toVscodeRange } from './pipelineDiagnostics';

async function openStage(target: unknown, range?: unknown): Promise<void> {
  // From the tree's click the arguments are (uri, range); from a context menu it is the tree node.
  if (isModelNode(target)) {
    const open = target.node.open;
    if (!open) return;
    return openStage(
      vscode.Uri.joinPath(target.repository.root, open.file),
      open.range ? toVscodeRange(open.range) : undefined,
    );
  }
  if (!(target instanceof vscode.Uri)) return;
  const selection = range instanceof vscode.Range ? range : undefined;
  await vscode.window.showTextDocument(target, { preview: true, ...(selection ? { selection } : {}) });
}

async function openPipelineItem(target: unknown): Promise<void> {
  if (!(target instanceof vscode.Uri)) return;
  let type: vscode.FileType;
  try {
    type = (await vscode.workspace.fs.stat(target)).type;
  } catch {
    void vscode.window.showInformationMessage(
      `DVC Lens: ${vscode.workspace.asRelativePath(target)} does not exist yet. Run the stage that produces it, or pull it with DVC.`,
    );
    return;
  }
  if (type & vscode.FileType.Directory) {
    await vscode.commands.executeCommand('revealInExplorer', target);
  } else {
    await vscode.commands.executeCommand('vscode.open', target, { preview: true });
  }
}

function isModelNode(value: unknown): value is Extract<PipelineViewNode, { kind: 'model' }> {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'model';
}

export function registerPipelineCommands(
  disposables: DisposableStore,
  repositories: WorkspaceRepositories,
  /** Asks DVC for every stage status again (the view's Refresh is never answered from files alone). */
  refreshStatuses: () => void,
): void {
  disposables.register(
    vscode.commands.registerCommand(pipelineCommandIds.refreshPipelines, async () => {
      await repositories.rescan();
      refreshStatuses();
    }),
  );
  disposables.register(vscode.commands.registerCommand(pipelineCommandIds.openStage, openStage));
  disposables.register(
    vscode.commands.registerCommand(pipelineCommandIds.openPipelineItem, openPipelineItem),
  );
}
