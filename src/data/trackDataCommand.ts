/**
 * Track with DVC: `dvc add`, then `git add` of the `.dvc` and .gitignore files DVC wrote. Before DVC runs,
 * it says what cannot work: paths outside any DVC repository, DVC's own folders, paths DVC already tracks,
 * and files git tracks (DVC refuses those; it offers `git rm --cached` first, with a confirmation).
 */
import * as vscode from 'vscode';
import { trackedOutOf } from '../core/data/trackedData';
import { argumentUris, isConfirmed, listPaths, resolveTargets, type DataTarget } from './dataCommandTargets';
import { inDataRepository, type DataCommandContext, type DataTools } from './dataTools';
import { setupCommandIds } from '../setup';

export async function trackDataCommand(
  context: DataCommandContext,
  argument?: unknown,
  second?: unknown,
): Promise<void> {
  const uris = argumentUris(argument, second) ?? (await pickResources());
  if (!uris || uris.length === 0) return;
  const { targets, outside } = await resolveTargets(uris, context.model);
  // Refusals are logged too (the Output channel keeps what toasts forget) and not awaited: the command is over.
  if (outside.length > 0) {
    const text = `DVC Lens: ${listPaths(outside.map((uri) => vscode.workspace.asRelativePath(uri)))} ${
      outside.length === 1 ? 'is' : 'are'
    } not inside a DVC repository (no .dvc folder above), so DVC cannot track ${
      outside.length === 1 ? 'it' : 'them'
    }. Initialize DVC in the folder first.`;
    context.log.append(text);
    void vscode.window.showWarningMessage(text, 'Initialize Project').then((picked) => {
      if (picked === 'Initialize Project')
        void vscode.commands.executeCommand(setupCommandIds.initializeProject);
    });
    return;
  }
  const refused = targets.map(refusal).filter((reason): reason is string => reason !== undefined);
  if (refused.length > 0) {
    context.log.append(`DVC Lens: ${refused.join(' ')}`);
    void vscode.window.showWarningMessage(`DVC Lens: ${refused.join(' ')}`);
    return;
  }
  for (const [, group] of groupByRepository(targets)) await trackInRepository(context, group, argument);
}

/** Why DVC cannot track this path, in a sentence; `undefined` when it can try. */
function refusal(target: DataTarget): string | undefined {
  const { path } = target;
  if (/(^|\/)\.(dvc|git)(\/|$)/.test(path))
    return `${path} belongs to DVC's or git's own folder and cannot be tracked.`;
  if (path.endsWith('.dvc')) return `${path} is a DVC metadata file; track the data it describes instead.`;
  const out = trackedOutOf(target.repository.data.outs, path);
  if (!out) return undefined;
  const by = out.source.kind === 'dvcFile' ? out.source.file : `stage ${out.source.stage} (dvc.lock)`;
  return out.path === path
    ? `${path} is already tracked by ${by}.`
    : `${path} is inside ${out.path}, which DVC already tracks (${by}).`;
}

async function trackInRepository(
  context: DataCommandContext,
  targets: readonly DataTarget[],
  argument: unknown,
): Promise<void> {
  const repository = targets[0]?.repository;
  if (!repository) return;
  const paths = targets.map((target) => target.path);
  const what = listPaths(paths);
  const staged = await inDataRepository(context, repository, `${what} was not tracked`, (tools) =>
    stageTracked(tools, paths, what, argument),
  );
  if (staged)
    void vscode.window.showInformationMessage(
      `DVC Lens: DVC tracks ${what} now; ${listPaths(staged)} ${staged.length === 1 ? 'is' : 'are'} staged in git.`,
    );
}

/** `dvc add` of the paths (after `git rm --cached` of those git tracks, once confirmed): the files staged. */
async function stageTracked(
  tools: DataTools,
  paths: readonly string[],
  what: string,
  argument: unknown,
): Promise<readonly string[] | undefined> {
  const inGit = await tools.actions.gitTrackedFiles(paths);
  if (inGit.length > 0 && !isConfirmed(argument)) {
    const picked = await vscode.window.showWarningMessage(
      `git already tracks ${listPaths(inGit)}.`,
      {
        modal: true,
        detail:
          'DVC only tracks data that git does not (otherwise both would store it). DVC Lens can run ' +
          `git rm -r --cached on ${inGit.length === 1 ? 'it' : 'them'} first: git stops tracking, the files stay ` +
          'in the workspace, and the next commit records their removal from git.',
      },
      'Stop Tracking in Git, then Track with DVC',
    );
    if (picked === undefined) return undefined;
  }
  return tools.progress.run(`tracking ${what}`, async (signal) => {
    if (inGit.length > 0) await tools.actions.stopGitTracking(inGit, signal);
    return tools.service.track(paths, signal);
  });
}

function groupByRepository(targets: readonly DataTarget[]): Map<string, DataTarget[]> {
  const groups = new Map<string, DataTarget[]>();
  for (const target of targets) {
    const key = target.repository.root.toString();
    groups.set(key, [...(groups.get(key) ?? []), target]);
  }
  return groups;
}

async function pickResources(): Promise<vscode.Uri[] | undefined> {
  return vscode.window.showOpenDialog({
    title: 'Track with DVC',
    openLabel: 'Track with DVC',
    canSelectFiles: true,
    canSelectFolders: true,
    canSelectMany: true,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
}
