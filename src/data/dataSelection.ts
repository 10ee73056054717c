/**
 * Stop Tracking, Check Out and Commit to Cache on an Explorer multi-selection (or `{ root, paths }`): the
 * single-target command for each selected resource, in order. Where the single command would ask once per
 * file, the person is asked once, naming every file, and each run then carries `confirmed: true`.
 */
import * as vscode from 'vscode';
import { DATA_STATES } from '../core/data/dataState';
import { argumentUris, isConfirmed, listPaths, resolveTargets, type DataTarget } from './dataCommandTargets';
import type { DataCommandContext } from './dataTools';

type SingleCommand = (context: DataCommandContext, argument?: unknown) => Promise<void>;

/** What one confirmation for all the targets says, or undefined when nothing needs asking. */
type Confirmation = (
  targets: readonly DataTarget[],
) => { message: string; detail: string; action: string } | undefined;

/** The selection's targets when there are two or more; undefined leaves the argument to the single command. */
async function selectedTargets(
  context: DataCommandContext,
  argument: unknown,
  second: unknown,
): Promise<readonly DataTarget[] | undefined> {
  const uris = argumentUris(argument, second);
  if (!uris || uris.length < 2) return undefined;
  const { targets, outside } = await resolveTargets(uris, context.model);
  if (outside.length > 0) {
    const text = `DVC Lens: ${listPaths(outside.map((uri) => vscode.workspace.asRelativePath(uri)))} ${
      outside.length === 1 ? 'is' : 'are'
    } not inside a DVC repository; nothing was done.`;
    context.log.append(text);
    void vscode.window.showWarningMessage(text);
    return [];
  }
  return targets;
}

/** Runs `single` once per selected target (after one confirmation when `confirmation` asks for one). */
export async function forEachSelected(
  context: DataCommandContext,
  single: SingleCommand,
  confirmation: Confirmation,
  argument: unknown,
  second: unknown,
): Promise<void> {
  const targets = await selectedTargets(context, argument, second);
  if (targets === undefined) return single(context, argument);
  if (targets.length === 0) return;
  const question = isConfirmed(argument) ? undefined : confirmation(targets);
  if (question) {
    const picked = await vscode.window.showWarningMessage(
      question.message,
      { modal: true, detail: question.detail },
      question.action,
    );
    if (picked !== question.action) return;
  }
  const confirmed = question !== undefined || isConfirmed(argument);
  for (const target of targets)
    await single(context, {
      root: target.repository.root,
      path: target.path,
      ...(confirmed ? { confirmed } : {}),
    });
}

/** Stop Tracking always asks: DVC deletes each `.dvc` file. */
export function untrackConfirmation(targets: readonly DataTarget[]): ReturnType<Confirmation> {
  const paths = targets.map((target) => target.path);
  return {
    message: `Stop tracking ${paths.length} items with DVC?`,
    detail:
      `DVC deletes the .dvc file (and the .gitignore entry) of ${listPaths(paths, 12)}; the removals are staged ` +
      'in git. The data stays in the workspace (and in the DVC cache).',
    action: 'Stop Tracking',
  };
}

/** Check Out asks only when it would overwrite changes DVC has not recorded, and names them. */
export function checkoutConfirmation(targets: readonly DataTarget[]): ReturnType<Confirmation> {
  const lines = targets.flatMap((target) =>
    (target.repository.status?.uncommittedAtOrUnder(target.path.replace(/\.dvc$/, '')) ?? []).map(
      (change) => `${change.path} (${change.states.map((state) => DATA_STATES[state].label).join(', ')})`,
    ),
  );
  if (lines.length === 0) return undefined;
  return {
    message: `Check out ${targets.length} items and overwrite changes DVC has not recorded?`,
    detail: `These would be overwritten with the version DVC records:\n${lines.slice(0, 12).join('\n')}${
      lines.length > 12 ? `\n… and ${lines.length - 12} more` : ''
    }\n\nCommit to Cache first to keep them.`,
    action: 'Overwrite and Check Out',
  };
}

/** Commit to Cache loses nothing: no question. */
export function noConfirmation(): ReturnType<Confirmation> {
  return undefined;
}
