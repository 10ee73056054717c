/**
 * Stop Tracking, Check Out, Commit to Cache and Commit Data Changes. Each names what it touches, asks before
 * anything is lost, runs through the repository's write lane with a Cancel button, and refreshes the view.
 */
import * as vscode from 'vscode';
import { isProcessError } from '../repository/processes';
import { dataCommitMessage } from '../core/data/dataCommitMessage';
import { DATA_STATES } from '../core/data/dataState';
import { trackedOutOf } from '../core/data/trackedData';
import {
  argumentUris,
  isConfirmed,
  listPaths,
  pickTrackedPath,
  resolveTargets,
  stringField,
  type DataTarget,
} from './dataCommandTargets';
import type { DvcCommandContext } from '../repository/command';
import { dataTools, inDataRepository, type DataCommandContext } from './dataTools';

/** One tracked target from the argument, or a pick; says why when the argument is not tracked data. */
async function trackedTarget(
  context: DataCommandContext,
  argument: unknown,
  title: string,
): Promise<DataTarget | undefined> {
  const uris = argumentUris(argument);
  if (!uris) return pickTrackedPath(context.model, title);
  const { targets } = await resolveTargets(uris.slice(0, 1), context.model);
  const target = targets[0];
  const path = target?.path ?? vscode.workspace.asRelativePath(uris[0] ?? '');
  if (target && (target.path.endsWith('.dvc') || trackedOutOf(target.repository.data.outs, target.path)))
    return target;
  void vscode.window.showWarningMessage(`DVC Lens: DVC does not track ${path}.`);
  return undefined;
}

export async function untrackDataCommand(context: DataCommandContext, argument?: unknown): Promise<void> {
  const target = await trackedTarget(context, argument, 'Stop tracking which data?');
  if (!target) return;
  const { repository, path } = target;
  const out = path.endsWith('.dvc') ? undefined : trackedOutOf(repository.data.outs, path);
  if (out && out.path !== path) {
    void vscode.window.showWarningMessage(
      `DVC Lens: ${path} is part of ${out.path}, which DVC tracks as a whole. Stop tracking ${out.path} instead.`,
    );
    return;
  }
  if (out?.source.kind === 'pipeline') {
    void vscode.window.showWarningMessage(
      `DVC Lens: ${path} is an output of stage ${out.source.stage}. Remove it from the stage's outs in dvc.yaml (or remove the stage) instead.`,
    );
    return;
  }
  const dvcFile = out?.source.kind === 'dvcFile' ? out.source.file : path;
  const data = out?.path ?? dvcFile.replace(/\.dvc$/, '');
  if (!isConfirmed(argument)) {
    const picked = await vscode.window.showWarningMessage(
      `Stop tracking ${data} with DVC?`,
      {
        modal: true,
        detail:
          `DVC deletes ${dvcFile} and the ${data} entry of .gitignore; the removal is staged in git. ` +
          `${data} itself stays in the workspace (and in the DVC cache); git will list it as an untracked file.`,
      },
      'Stop Tracking',
    );
    if (picked !== 'Stop Tracking') return;
  }
  const done = await inDataRepository(context, repository, `${data} is still tracked`, async (tools) => {
    await tools.progress.run(`stopping tracking of ${data}`, (signal) =>
      tools.actions.untrack(dvcFile, { signal }),
    );
    return true;
  });
  if (done)
    void vscode.window.showInformationMessage(
      `DVC Lens: DVC no longer tracks ${data}; the data stays in the workspace. Commit Data Changes records it in git.`,
    );
}

export async function checkoutDataCommand(context: DataCommandContext, argument?: unknown): Promise<void> {
  const target = await trackedTarget(context, argument, 'Check out which data?');
  if (!target) return;
  const { repository, path } = target;
  const subject = path.endsWith('.dvc') ? path.replace(/\.dvc$/, '') : path;
  const changed = repository.status?.uncommittedAtOrUnder(subject) ?? [];
  let force = false;
  if (changed.length > 0) {
    const lines = changed.map(
      (change) => `${change.path} (${change.states.map((state) => DATA_STATES[state].label).join(', ')})`,
    );
    if (!isConfirmed(argument) && !(await confirmOverwrite(subject, lines))) return;
    force = true;
  }
  await inDataRepository(context, repository, `${subject} was not checked out`, async (tools) => {
    const run = (withForce: boolean, signal: AbortSignal): Promise<void> =>
      tools.actions.checkout(path, withForce, { signal });
    const done = await tools.progress.run(
      `checking out ${subject}`,
      async (signal): Promise<{ refused: string[] } | true> => {
        try {
          await run(force, signal);
          return true;
        } catch (error) {
          // The status was older than the workspace: DVC found changes and asks for --force. Ask the person,
          // naming the files DVC listed (absolute paths, one per line after its message).
          if (!force && isProcessError(error, 'exit') && /--force/.test(error.stderr))
            return {
              refused: error.stderr
                .split(/\r?\n/)
                .map((line) => line.trim())
                .filter((line) => line.startsWith(repository.root.fsPath))
                .map((line) => line.slice(repository.root.fsPath.length + 1)),
            };
          throw error;
        }
      },
    );
    if (done !== true && (isConfirmed(argument) || (await confirmOverwrite(subject, done.refused))))
      await tools.progress.run(`checking out ${subject}`, (signal) => run(true, signal));
  });
}

async function confirmOverwrite(subject: string, lines: readonly string[]): Promise<boolean> {
  const picked = await vscode.window.showWarningMessage(
    `Check out ${subject} and overwrite changes DVC has not recorded?`,
    {
      modal: true,
      detail:
        (lines.length > 0
          ? `These would be overwritten with the version DVC records:\n${lines.slice(0, 12).join('\n')}${
              lines.length > 12 ? `\n… and ${lines.length - 12} more` : ''
            }\n\n`
          : 'DVC found changes in the workspace that it has not recorded.\n\n') +
        'Commit to Cache first to keep them.',
    },
    'Overwrite and Check Out',
  );
  return picked === 'Overwrite and Check Out';
}

export async function commitDataCommand(context: DataCommandContext, argument?: unknown): Promise<void> {
  const target = await trackedTarget(context, argument, 'Commit which data to the DVC cache?');
  if (!target) return;
  const { repository, path } = target;
  const out = trackedOutOf(repository.data.outs, path.replace(/\.dvc$/, ''));
  const recordedIn = out?.source.file ?? path;
  const done = await inDataRepository(context, repository, `${path} was not committed`, async (tools) => {
    await tools.progress.run(`committing ${path} to the cache`, (signal) =>
      tools.actions.commit(path, { signal }),
    );
    return true;
  });
  if (done)
    void vscode.window.showInformationMessage(
      `DVC Lens: the workspace version of ${path} is in the DVC cache and recorded in ${recordedIn}. Commit Data Changes puts that in git.`,
    );
}

/** Commit Data Changes, in the repository the runtime resolved (`{ root, message }` skips the prompt). */
export async function commitDataChangesCommand(runtime: DvcCommandContext): Promise<void> {
  const argument = runtime.args[0];
  const tools = dataTools(runtime);
  const files = await tools.actions.pendingMetadataChanges();
  if (files.length === 0) {
    void vscode.window.showInformationMessage('DVC Lens: no .dvc, dvc.lock or .gitignore changes to commit.');
    return;
  }
  const message =
    stringField(argument, 'message') ??
    (await vscode.window.showInputBox({
      title: 'Commit Data Changes',
      prompt: `git commit of ${listPaths(files)} (nothing else)`,
      value: dataCommitMessage(files),
      validateInput: (value) => (value.trim() === '' ? 'A commit needs a message.' : undefined),
    }));
  if (!message?.trim()) return;
  const commit = await tools.progress.run('committing data changes', (signal) =>
    tools.actions.commitDataChanges(message.trim(), files, signal),
  );
  if (commit)
    void vscode.window.showInformationMessage(
      `DVC Lens: committed ${listPaths(commit.files)} (${commit.sha.slice(0, 7)}).`,
    );
}
