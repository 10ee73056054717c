/**
 * Open Data Diff: VS Code's diff editor between two revisions of a DVC-tracked text, CSV or JSON file (the
 * Explorer's or the Data view's menu, the palette). The revisions are asked for unless given (`a`, `b`);
 * `workspace` is the file on disk, any other revision a `dvclens-data:` document (dataRevisionContent.ts).
 */
import * as vscode from 'vscode';
import {
  argumentUris,
  pickTrackedPath,
  resolveTargets,
  stringField,
  type DataTarget,
} from './dataCommandTargets';
import { dataRevisionUri } from './dataRevisionContent';
import type { DataCommandContext } from './dataTools';

const WORKSPACE = 'workspace';

export async function openDataDiffCommand(
  context: DataCommandContext,
  argument: unknown,
  second?: unknown,
): Promise<void> {
  const target = await diffTarget(context, argument, second);
  if (!target) return;
  const a =
    stringField(argument, 'a') ??
    (await pickRevision(target, `Data diff of ${target.path}: from which revision?`, false));
  if (a === undefined) return;
  const b =
    stringField(argument, 'b') ??
    (await pickRevision(target, `Data diff of ${target.path}: to which?`, true));
  if (b === undefined) return;
  const side = (rev: string): vscode.Uri =>
    rev === WORKSPACE ? target.uri : dataRevisionUri(target.repository.root, target.path, rev);
  const name = target.path.split('/').pop() ?? target.path;
  await vscode.commands.executeCommand(
    'vscode.diff',
    side(a),
    side(b),
    `${name} (${label(a)}) ↔ (${label(b)})`,
  );
}

async function diffTarget(
  context: DataCommandContext,
  argument: unknown,
  second: unknown,
): Promise<DataTarget | undefined> {
  const uris = argumentUris(argument, second);
  if (!uris)
    return pickTrackedPath(
      context.model,
      'Open the data diff of which file?',
      (target) => !isFolder(context, target),
    );
  const { targets } = await resolveTargets(uris.slice(0, 1), context.model);
  const target = targets[0];
  if (!target) {
    void vscode.window.showInformationMessage(
      'DVC Lens: that file is in no DVC repository of the workspace.',
    );
    return undefined;
  }
  return target;
}

/** A tracked folder as a whole has no text; its files do (the Data view lists them under it). */
function isFolder(context: DataCommandContext, target: DataTarget): boolean {
  return target.repository.data.outs.some((out) => out.path === target.path && out.isDirectory);
}

async function pickRevision(
  target: DataTarget,
  title: string,
  withWorkspace: boolean,
): Promise<string | undefined> {
  const commits = await target.repository.repository.git.recentCommits(30);
  const items = [
    ...(withWorkspace ? [{ label: 'Workspace', description: 'the file on disk', rev: WORKSPACE }] : []),
    ...commits.map((commit, index) => ({
      label: commit.sha.slice(0, 7),
      description: `${index === 0 ? 'HEAD · ' : ''}${commit.subject}`,
      rev: commit.sha,
    })),
  ];
  return (await vscode.window.showQuickPick(items, { title, matchOnDescription: true }))?.rev;
}

function label(rev: string): string {
  return /^[0-9a-f]{40}$/.test(rev) ? rev.slice(0, 7) : rev;
}
