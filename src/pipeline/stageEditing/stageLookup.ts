/** Finding a stage of a repository's model by the name DVC prints, and the file behind its command. */
import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { Pipeline, Stage } from '../../core/pipeline/model';
import type { Repository } from '../../repository/repository';
import { commandPathCandidates } from './stageDraft';

export interface LocatedStage {
  readonly pipeline: Pipeline;
  readonly stage: Stage;
}

export function findStage(repository: Repository, qualifiedName: string): LocatedStage | undefined {
  for (const pipeline of repository.pipelines) {
    const stage = pipeline.stages.find((candidate) => candidate.qualifiedName === qualifiedName);
    if (stage) return { pipeline, stage };
  }
  return undefined;
}

/** The names the root dvc.yaml already uses (where `dvc stage add` writes), definitions and expansions. */
export function rootStageNames(repository: Repository): Set<string> {
  const pipeline = repository.pipelines.find((candidate) => candidate.file === 'dvc.yaml');
  return new Set(pipeline?.stages.flatMap((stage) => [stage.definitionName, stage.name]) ?? []);
}

/**
 * The first word of the stage's command that names an existing file, e.g. `src/train.py` of
 * `python3 src/train.py data model`. DVC runs the command in the dvc.yaml's folder, so paths are read from
 * there. Undefined when no word is a file (`echo hi`, or an interpreter found on PATH only).
 */
export async function findStageScript(
  repository: Repository,
  located: LocatedStage,
): Promise<vscode.Uri | undefined> {
  const folder = posix.dirname(located.pipeline.file);
  const commands = located.stage.items.filter((item) => item.kind === 'cmd').map((item) => item.label);
  for (const command of commands) {
    for (const candidate of commandPathCandidates(command)) {
      const uri = vscode.Uri.joinPath(repository.root, folder, candidate);
      if (!uri.path.startsWith(`${repository.root.path}/`)) continue;
      try {
        if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) return uri;
      } catch {
        // Not a file of the repository: try the next word.
      }
    }
  }
  return undefined;
}
