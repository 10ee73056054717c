/**
 * What a push, pull or fetch was invoked on: Explorer URIs (with its multi-selection), Data view items
 * (`{ root, path }`, also multi-selected), a Remotes view remote (`{ root, name }`: that remote, all data), or
 * `{ root, targets, remote }` from tests. Targets become paths relative to the repository root.
 */
import { posix } from 'node:path';
import * as vscode from 'vscode';
import type { Repository } from '../repository/repository';
import { isRecord, rootField, stringField } from './commandArguments';
import type { RemoteContext } from './remoteContext';

export interface TransferRequest {
  readonly repository: Repository;
  /** Relative, `/`-separated; empty: everything tracked. */
  readonly targets: readonly string[];
  /** Undefined: the default remote (or a pick when there is none). */
  readonly remote: string | undefined;
}

type Located = { readonly root: vscode.Uri; readonly path: string };

/** Undefined when nothing usable was given and no repository was picked. */
export async function resolveTransferRequest(
  context: RemoteContext,
  first: unknown,
  second: unknown,
  title: string,
): Promise<TransferRequest | undefined> {
  await context.whenLoaded();
  const selection = Array.isArray(second) && second.length > 0 ? (second as unknown[]) : [first];
  const located = selection.map((item) => locate(context, item)).filter((item) => item !== undefined);
  if (located.length > 0) {
    const root = located[0]?.root as vscode.Uri;
    const repository = context.repositoryAt(root);
    if (!repository) return undefined;
    const inRepository = located.filter((item) => item.root.toString() === root.toString());
    if (inRepository.length < located.length)
      void vscode.window.showWarningMessage(
        `DVC Lens: only the items in ${repository.workspaceFolder.name} are transferred; run the command again for the others.`,
      );
    const targets = [...new Set(inRepository.map((item) => item.path))];
    return { repository, targets, remote: remoteOf(first) };
  }
  const repository = await context.chooseRepository(first, title);
  if (!repository) return undefined;
  return { repository, targets: targetList(first), remote: remoteOf(first) };
}

/** A remote node's name, or `remote` of an argument object. */
function remoteOf(argument: unknown): string | undefined {
  if (isRecord(argument) && argument.kind === 'remote') return stringField(argument, 'name');
  return stringField(argument, 'remote');
}

function targetList(argument: unknown): string[] {
  if (!isRecord(argument) || !Array.isArray(argument.targets)) return [];
  return argument.targets.filter((target): target is string => typeof target === 'string');
}

/** An Explorer URI or a Data view item, as (repository root, relative path). */
function locate(context: RemoteContext, item: unknown): Located | undefined {
  if (item instanceof vscode.Uri) {
    const repository = context.repositoryContaining(item);
    if (!repository) return undefined;
    const path = posix.relative(repository.root.path, item.path);
    return path.length > 0 ? { root: repository.root, path } : undefined;
  }
  const root = rootField(item);
  const path = stringField(item, 'path');
  if (root && path !== undefined && path.length > 0 && !(isRecord(item) && item.kind === 'remote'))
    return { root, path: relativeTo(root, path.replace(/\\/g, '/')) };
  return undefined;
}

/** Data view paths are relative to the root; an absolute one (inside the root) is made relative. */
function relativeTo(root: vscode.Uri, path: string): string {
  return posix.isAbsolute(path) ? posix.relative(root.path, path) : path;
}
