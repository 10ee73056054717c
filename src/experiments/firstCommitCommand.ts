/**
 * "Create first commit": a repository without commits has no experiments (DVC needs a commit to base them
 * on). After a modal naming every file, DVC Lens commits DVC's own files only (see core/experiments/
 * firstCommit.ts) with git; the person's code and data are left for them to commit.
 */
import * as vscode from 'vscode';
import { needsFirstCommit } from '../core/experiments/firstCommit';
import type { OutputLog } from '../log/outputLog';
import { showErrorWithLog } from '../ui/messages';
import type { ExperimentActions } from './experimentActions';
import { experimentCommandIds } from './experimentCommandIds';
import { confirmModal } from './experimentPrompts';
import { createFirstCommit, firstCommitCandidates } from './firstCommitGit';

export function registerFirstCommitCommand(actions: ExperimentActions, log: OutputLog): void {
  actions.registerCommand(experimentCommandIds.createFirstCommit, async (context) => {
    const { state } = context;
    if (state.model && !needsFirstCommit(state.model)) {
      void vscode.window.showInformationMessage('DVC Lens: this repository already has a commit.');
      return;
    }
    const git = context.runtime.git;
    const files = await firstCommitCandidates(git).catch(() => []);
    if (files.length === 0) {
      void showErrorWithLog(
        log,
        'DVC Lens: git sees no new DVC file to commit (is this folder a git repository with `dvc init` done?). Nothing was committed.',
      );
      return;
    }
    if (!(await git.hasIdentity().catch(() => false))) {
      void showErrorWithLog(
        log,
        'DVC Lens: git does not know who you are (user.name and user.email are not set), so no commit can be made. Set them with `git config --global user.name "Your Name"` and `git config --global user.email you@example.com`, then try again. Nothing was committed.',
      );
      return;
    }
    const shown = files.slice(0, 15).join('\n') + (files.length > 15 ? `\n… ${files.length - 15} more` : '');
    const confirmed = await confirmModal(
      context.argument.confirmed,
      `Create the first commit with ${files.length} DVC file${files.length === 1 ? '' : 's'}?`,
      `Experiments need a commit to start from. DVC Lens will commit these files with git:\n${shown}\n\nNothing else is committed: your code and data stay as they are, for you to commit.`,
      'Commit',
    );
    if (!confirmed) return;
    await actions.perform(context, 'git commit (first commit)', (signal) =>
      createFirstCommit(git, files, signal),
    );
  });
}
