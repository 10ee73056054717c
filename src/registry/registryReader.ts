/**
 * Reads one repository's model registry: the artifacts its dvc.yaml files declare (read in-process) and
 * its registry tags, from `git for-each-ref` when the workspace is trusted, from `.git`'s files otherwise.
 * The state itself comes from GTO's rules in src/core/registry (tested against `gto show --json`).
 */
import { dirname, relative } from 'node:path';
import * as vscode from 'vscode';
import { readDeclaredArtifacts } from '../core/registry/declaredArtifacts';
import { parseRegistryTagName } from '../core/registry/gtoTagName';
import { buildRegistryState, type HeadCommit } from '../core/registry/registryState';
import type { DeclaredArtifact, RegistryState, RegistryTag } from '../core/registry/registryTypes';
import type { Repository } from '../repository/repository';
import { findGitDir, readRegistryTagFiles } from './tagFiles';

export async function readRepositoryRegistry(
  repository: Repository,
  trusted: boolean,
  signal?: AbortSignal,
): Promise<RegistryState> {
  const prefix = trusted
    ? await repository.git.folderPrefix(signal)
    : await filePrefix(repository.root.fsPath);
  const declared = await declaredArtifacts(repository, prefix);
  if (!trusted)
    return buildRegistryState({ tags: await readRegistryTagFiles(repository.root.fsPath), declared });
  const records = await repository.git.tagRecords(signal);
  const tags: RegistryTag[] = records
    .filter((record) => record.annotated && parseRegistryTagName(record.name))
    .map((record) => ({
      name: record.name,
      commit: record.commit,
      author: record.tagger,
      authorEmail: record.email,
      message: record.subject,
      ...(record.taggedAt !== undefined ? { taggedAt: record.taggedAt } : {}),
      ...(record.committedAt !== undefined ? { committedAt: record.committedAt } : {}),
    }));
  const head: HeadCommit | undefined = await repository.git.headCommit(signal);
  return buildRegistryState({ tags, declared, ...(head ? { head } : {}) });
}

async function declaredArtifacts(repository: Repository, prefix: string): Promise<DeclaredArtifact[]> {
  const lists = await Promise.all(
    repository.pipelines.map(async (pipeline) => {
      const bytes = await vscode.workspace.fs
        .readFile(vscode.Uri.joinPath(repository.root, pipeline.file))
        .then(undefined, () => undefined);
      if (!bytes) return [];
      const folder = `${prefix}${pipeline.file.includes('/') ? pipeline.file.slice(0, pipeline.file.lastIndexOf('/')) : ''}`;
      return readDeclaredArtifacts(new TextDecoder().decode(bytes), pipeline.file, folder);
    }),
  );
  return lists.flat();
}

/** The root's folder inside its git work tree ("" at the top, "ml/" below), found from files. */
async function filePrefix(root: string): Promise<string> {
  const gitDir = await findGitDir(root);
  if (!gitDir?.endsWith('.git')) return '';
  const inside = relative(dirname(gitDir), root).split('\\').join('/');
  return inside ? `${inside}/` : '';
}
