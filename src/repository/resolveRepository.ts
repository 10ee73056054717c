/**
 * THE resolve/pick of the repository a command acts on: the one its argument names (an Explorer Uri, a tree
 * node, `{ root }` with a Uri, URI string or path), else the only one, else the person's pick.
 */
import * as vscode from 'vscode';
import { pickRepository } from '../ui/pickRepository';
import type { RepositoryRequest, RepositoryResolution } from './commandRuntime';
import type { Repository } from './repository';
import type { WorkspaceRepositories } from './workspaceRepositories';

export async function resolveRepository(
  repositories: WorkspaceRepositories,
  argument: unknown,
  request: RepositoryRequest<Repository>,
): Promise<RepositoryResolution<Repository>> {
  // A command run in the first seconds after start-up must not be told there is no repository.
  await repositories.whenLoaded();
  const accepts = request.accepts ?? (() => true);
  const candidates = repositories.repositories.filter(accepts);
  const named = argumentLocation(argument);
  if (named) {
    const key = named.toString();
    const repository =
      candidates.find((candidate) => candidate.root.toString() === key) ?? repositories.repositoryOf(named);
    return repository && accepts(repository) ? { repository } : { missing: 'unknown' };
  }
  if (candidates.length === 0) return { missing: 'none' };
  const picked = await pickRepository(candidates, request.title);
  return picked ? { repository: picked } : { missing: 'closed' };
}

/**
 * The place an argument names: a Uri itself, its `root` (a Uri, a URI string or a file system path), or the
 * `root` of its `repository` (Pipeline view nodes).
 */
export function argumentLocation(argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  if (!isRecord(argument)) return undefined;
  const root = argument.root;
  if (root instanceof vscode.Uri) return root;
  if (typeof root === 'string' && root.length > 0)
    return /^[a-z][\w+.-]*:\/\//i.test(root) ? vscode.Uri.parse(root) : vscode.Uri.file(root);
  const repository = argument.repository;
  if (isRecord(repository) && repository.root instanceof vscode.Uri) return repository.root;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
