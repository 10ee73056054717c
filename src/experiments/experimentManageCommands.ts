import * as vscode from 'vscode';
import type { RepositoryCommands } from '../repository/command';
import type { ExperimentActions, ExperimentActionContext } from './experimentActions';
import { experimentCommandIds } from './experimentCommandIds';
import { confirmModal, promptRequiredName } from './experimentPrompts';
import type { ExperimentsStore } from './experimentsStore';
import { commandArgument, resolveExperiment } from './experimentTargets';

/** Apply, Branch, Rename, Remove, Push, Pull, Copy Name/SHA, Refresh and Show More. */
export function registerExperimentManageCommands(
  commands: RepositoryCommands,
  store: ExperimentsStore,
  actions: ExperimentActions,
): void {
  const pick = (context: ExperimentActionContext, title: string) =>
    resolveExperiment(context.state, context.argument.name, title, (row) => row.state !== 'queued');

  actions.registerCommand(experimentCommandIds.applyExperiment, async (context) => {
    const row = await pick(context, 'Apply which experiment to the workspace?');
    if (!row) return;
    const name = row.name ?? row.rev;
    const changed = await context.service.workspaceChanges().catch(() => []);
    if (changed.length > 0) {
      const shown =
        changed.slice(0, 10).join('\n') + (changed.length > 10 ? `\n… ${changed.length - 10} more` : '');
      const ok = await confirmModal(
        context.argument.confirmed,
        `Apply '${row.label}'? The workspace has changes it would overwrite.`,
        `Uncommitted changes that applying may overwrite:\n${shown}`,
        'Apply and Overwrite',
      );
      if (!ok) return;
    }
    await actions.perform(context, `dvc exp apply ${name}`, (signal, onOutput) =>
      context.service.apply(name, { signal, onOutput }),
    );
  });

  actions.registerCommand(experimentCommandIds.branchExperiment, async (context) => {
    const row = await pick(context, 'Create a branch from which experiment?');
    if (!row) return;
    const name = row.name ?? row.rev;
    const branch =
      context.argument.branch ??
      (await promptRequiredName(
        `Branch from '${row.label}'`,
        'Name of the new git branch',
        `${row.label}-branch`,
      ));
    if (!branch) return;
    await actions.perform(context, `dvc exp branch ${name} ${branch}`, (signal, onOutput) =>
      context.service.branch(name, branch.trim(), { signal, onOutput }),
    );
  });

  actions.registerCommand(experimentCommandIds.renameExperiment, async (context) => {
    const row = await pick(context, 'Rename which experiment?');
    if (!row) return;
    const name = row.name ?? row.rev;
    const newName =
      context.argument.newName ?? (await promptRequiredName(`Rename '${row.label}'`, 'New name', row.label));
    if (!newName || newName.trim() === name) return;
    await actions.perform(context, `dvc exp rename ${name} ${newName}`, (signal, onOutput) =>
      context.service.rename(name, newName.trim(), { signal, onOutput }),
    );
  });

  actions.registerCommand(experimentCommandIds.removeExperiment, async (context) => {
    const row = await resolveExperiment(context.state, context.argument.name, 'Remove which experiment?');
    if (!row) return;
    const name = row.name ?? row.rev;
    const ok = await confirmModal(
      context.argument.confirmed,
      `Remove experiment '${row.label}'?`,
      row.state === 'queued'
        ? 'It leaves the queue and never runs.'
        : 'Its git ref is deleted: its params, metrics and code are no longer listed. Outputs stay in the DVC cache until gc.',
      'Remove',
    );
    if (!ok) return;
    await actions.perform(context, `dvc exp remove ${name}`, (signal, onOutput) =>
      context.service.remove([name], { signal, onOutput }),
    );
  });

  const transfer = (direction: 'push' | 'pull') => async (context: ExperimentActionContext) => {
    let remote = context.argument.remote;
    if (remote === undefined) {
      const remotes = await context.service.gitRemotes().catch(() => []);
      if (remotes.length === 0) {
        void vscode.window.showWarningMessage(
          `DVC Lens: this repository has no git remote to ${direction} experiments ${direction === 'push' ? 'to' : 'from'}. Add one with git remote add.`,
        );
        return;
      }
      remote = await vscode.window.showQuickPick(remotes, {
        title: `${direction === 'push' ? 'Push to' : 'Pull from'} which git remote?`,
      });
      if (!remote) return;
    }
    let names: string[];
    if (direction === 'push') {
      const row = await pick(context, 'Push which experiment?');
      if (!row) return;
      names = [row.name ?? row.rev];
    } else {
      const text =
        context.argument.name ??
        (await vscode.window.showInputBox({
          title: `Pull experiments from ${remote}`,
          prompt: 'Experiment names, separated by spaces',
          validateInput: (value) => (value.trim().length === 0 ? 'At least one name.' : undefined),
        }));
      if (!text) return;
      names = text.split(/\s+/).filter((name) => name.length > 0);
    }
    const target = remote;
    await actions.perform(
      context,
      `dvc exp ${direction} ${target} ${names.join(' ')}`,
      (signal, onOutput) =>
        direction === 'push'
          ? context.service.push(target, names, { signal, onOutput })
          : context.service.pull(target, names, { signal, onOutput }),
      { streamed: true },
    );
  };
  actions.registerCommand(experimentCommandIds.pushExperiment, transfer('push'));
  actions.registerCommand(experimentCommandIds.pullExperiment, transfer('pull'));

  // Copying reads what the view already has: no process, allowed in Restricted Mode too.
  const copy = (what: 'name' | 'sha') => async (argument: unknown) => {
    const parsed = commandArgument(argument);
    const state = parsed.row ? undefined : await actions.stateOf(argument);
    const row =
      parsed.row ??
      (state
        ? await resolveExperiment(state, parsed.name, `Copy the ${what} of which experiment?`)
        : undefined);
    if (!row) return;
    await vscode.env.clipboard.writeText(what === 'name' ? row.label : row.rev);
  };
  commands.register(experimentCommandIds.copyExperimentName, copy('name'));
  commands.register(experimentCommandIds.copyExperimentSha, copy('sha'));
  actions.registerStateCommand(experimentCommandIds.showMoreCommits, (state) =>
    store.showMore(state.repository.root.toString()),
  );
  commands.registerTrusted(experimentCommandIds.refreshExperiments, async () => {
    await Promise.all(store.all.map((state) => store.refresh(state.repository.root.toString())));
  });
}
