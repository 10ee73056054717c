import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { Repository } from '../../repository/repository';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';

/** A stage chosen for a run: its repository and qualified name (`train`, `sub/dvc.yaml:train`). */
export interface StageTarget {
  readonly repository: Repository;
  readonly stage: string;
}

/**
 * The stage a command was invoked on: a Pipeline view stage node, `{ root, stage }` from CodeLens or the DAG,
 * or (from the Command Palette) a quick pick of all stages. Undefined: nothing to run (or the pick was closed).
 */
export async function resolveStageTarget(
  argument: unknown,
  repositories: WorkspaceRepositories,
): Promise<StageTarget | undefined> {
  if (isRecord(argument)) {
    if (argument.kind === 'model' && isRecord(argument.node) && argument.node.kind === 'stage') {
      const stage = argument.node.stage;
      const repository = argument.repository as Repository | undefined;
      if (isRecord(stage) && typeof stage.qualifiedName === 'string' && repository)
        return { repository, stage: stage.qualifiedName };
    }
    if (argument.root instanceof vscode.Uri && typeof argument.stage === 'string') {
      const repository = await repositoryAtRoot(repositories, argument.root);
      if (repository) return { repository, stage: argument.stage };
    }
  }
  return pickStage(repositories);
}

/**
 * The repository at `root`; before the first workspace scan is in, waits for it: a CodeLens or DAG click in the
 * first seconds names a stage of a repository not created yet, and must run it rather than ask which stage.
 */
async function repositoryAtRoot(
  repositories: WorkspaceRepositories,
  root: vscode.Uri,
): Promise<Repository | undefined> {
  const find = (): Repository | undefined =>
    repositories.repositories.find((candidate) => candidate.root.toString() === root.toString());
  const found = find();
  if (found || repositories.isLoaded) return found;
  await repositories.whenLoaded();
  return find();
}

async function pickStage(repositories: WorkspaceRepositories): Promise<StageTarget | undefined> {
  const several = repositories.repositories.length > 1;
  const items = repositories.repositories.flatMap((repository) =>
    repository.pipelines.flatMap((pipeline) =>
      pipeline.stages.map((stage) => ({
        label: stage.qualifiedName,
        description: several ? repository.workspaceFolder.name : pipeline.file,
        detail: stage.description,
        target: { repository, stage: stage.qualifiedName },
      })),
    ),
  );
  if (items.length === 0) {
    void vscode.window.showInformationMessage(
      'DVC Lens: there is no stage to run (no dvc.yaml with stages).',
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { title: 'Which stage?', matchOnDetail: true });
  return picked?.target;
}

/** dvc.yaml files and params files of the repository that have unsaved changes in an editor. */
export function dirtyPipelineDocuments(repository: Repository): vscode.TextDocument[] {
  const root = repository.root;
  const watched = new Set<string>();
  for (const pipeline of repository.pipelines) {
    const folder = posix.dirname(pipeline.file);
    watched.add(vscode.Uri.joinPath(root, pipeline.file).toString());
    watched.add(vscode.Uri.joinPath(root, folder, 'params.yaml').toString());
    for (const stage of pipeline.stages)
      for (const item of stage.items)
        if (item.kind === 'param' && item.path !== undefined)
          watched.add(vscode.Uri.joinPath(root, folder, item.path).toString());
  }
  return vscode.workspace.textDocuments.filter(
    (document) => document.isDirty && watched.has(document.uri.toString()),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
