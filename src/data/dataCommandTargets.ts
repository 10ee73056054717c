/**
 * What a data command was asked to act on. Commands are invoked from the Explorer (`uri`, or `(uri, uris[])`
 * for a multi-selection), from a Data view node (`{ root, path }`), from tests and other features
 * (`{ root, paths }`, `{ root, path, confirmed: true }`), or from the palette with nothing.
 */
import * as vscode from 'vscode';
import { describeSize } from '../core/data/dataSize';
import { relativePath } from '../repository/workspaceScan';
import type { DataModel, DataRepository } from './dataModel';

/** One path in one repository. */
export interface DataTarget {
  readonly repository: DataRepository;
  /** Relative to the repository root, `/`-separated. */
  readonly path: string;
  readonly uri: vscode.Uri;
}

export interface ResolvedTargets {
  readonly targets: readonly DataTarget[];
  /** Resources in no DVC repository. */
  readonly outside: readonly vscode.Uri[];
}

/** The resources an argument names, or `undefined` when it names none (palette). */
export function argumentUris(argument: unknown, second?: unknown): vscode.Uri[] | undefined {
  if (Array.isArray(second)) {
    const many = second.filter((item): item is vscode.Uri => item instanceof vscode.Uri);
    if (many.length > 0) return many;
  }
  if (argument instanceof vscode.Uri) return [argument];
  if (isRecord(argument) && argument.root instanceof vscode.Uri) {
    const root = argument.root;
    if (typeof argument.path === 'string') return [vscode.Uri.joinPath(root, argument.path)];
    if (Array.isArray(argument.paths))
      return argument.paths
        .filter((path): path is string => typeof path === 'string')
        .map((path) => vscode.Uri.joinPath(root, path));
  }
  return undefined;
}

/** The targets' repositories and paths, once the model has read the workspace (start-up may still scan). */
export async function resolveTargets(
  uris: readonly vscode.Uri[],
  model: DataModel,
): Promise<ResolvedTargets> {
  await model.whenLoaded();
  const targets: DataTarget[] = [];
  const outside: vscode.Uri[] = [];
  for (const uri of uris) {
    const repository = model.repositoryOf(uri);
    const path = repository ? relativePath(repository.root, uri) : '';
    if (repository && path !== '' && path !== repository.root.path) targets.push({ repository, path, uri });
    else outside.push(uri);
  }
  return { targets, outside };
}

/** `confirmed: true` in the argument object: the caller (a test) already agreed to what the modal asks. */
export function isConfirmed(argument: unknown): boolean {
  return isRecord(argument) && argument.confirmed === true;
}

/** A string field of the argument object. */
export function stringField(argument: unknown, key: string): string | undefined {
  const value = isRecord(argument) ? argument[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** Palette use: choose one tracked path of any repository. */
export async function pickTrackedPath(
  model: DataModel,
  title: string,
  filter: (target: DataTarget) => boolean = () => true,
): Promise<DataTarget | undefined> {
  const items = model.all.flatMap((repository) =>
    repository.data.outs
      .map((out) => ({
        out,
        target: { repository, path: out.path, uri: vscode.Uri.joinPath(repository.root, out.path) },
      }))
      .filter(({ target }) => filter(target))
      .map(({ out, target }) => ({
        label: out.path,
        description: [
          describeSize(out.size, out.nfiles),
          model.all.length > 1 ? repository.workspaceFolder.name : '',
        ]
          .filter((part) => part !== '')
          .join(' · '),
        target,
      })),
  );
  if (items.length === 0) {
    void vscode.window.showInformationMessage('DVC Lens: DVC tracks nothing here yet.');
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title }))?.target;
}

/** "data/a.csv, data/b.csv and 3 more" */
export function listPaths(paths: readonly string[], shown = 5): string {
  const head = paths.slice(0, shown).join(', ');
  return paths.length > shown ? `${head} and ${paths.length - shown} more` : head;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri);
}
