/**
 * "Show other branches…" and "Hide branch": which local branches besides the checked-out one the Experiments
 * view (and table) lists, with their last commits and experiments. The choice is kept per workspace.
 */
import * as vscode from 'vscode';
import type { DisposableStore } from '../lifecycle/disposableStore';
import { isTrusted, restrictedModeMessage } from '../trust/workspaceTrust';
import type { ExperimentActions } from './experimentActions';
import { experimentCommandIds } from './experimentCommandIds';
import type { ExperimentsStore } from './experimentsStore';
import { resolveRepositoryState } from './experimentTargets';

/** `{ root, branches: [...] }` skips the pick (the extension-host suite). */
function branchesArgument(argument: unknown): string[] | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const branches = (argument as { branches?: unknown }).branches;
  return Array.isArray(branches)
    ? branches.filter((name): name is string => typeof name === 'string')
    : undefined;
}

export function registerOtherBranchesCommands(
  disposables: DisposableStore,
  store: ExperimentsStore,
  actions: ExperimentActions,
): void {
  disposables.register(
    vscode.commands.registerCommand(experimentCommandIds.showOtherBranches, async (argument: unknown) => {
      const context = await actions.context(argument);
      if (!context) return;
      const root = context.state.repository.root.toString();
      let chosen = branchesArgument(argument);
      if (!chosen) {
        const local = await store
          .gitFor(context.state.repository)
          .localBranches()
          .catch(() => []);
        const others = local.filter((branch) => !branch.current);
        if (others.length === 0) {
          void vscode.window.showInformationMessage('DVC Lens: this repository has no other local branch.');
          return;
        }
        const shown = new Set(store.otherBranches(root));
        const picked = await vscode.window.showQuickPick(
          others.map((branch) => ({
            label: branch.name,
            description: branch.sha.slice(0, 7),
            picked: shown.has(branch.name),
          })),
          { title: 'Show the experiments of which other branches?', canPickMany: true },
        );
        if (!picked) return;
        chosen = picked.map((item) => item.label);
      }
      await store.setOtherBranches(root, chosen);
    }),
  );
  disposables.register(
    vscode.commands.registerCommand(experimentCommandIds.hideOtherBranch, async (argument: unknown) => {
      if (!isTrusted()) return void vscode.window.showWarningMessage(restrictedModeMessage);
      const record = (typeof argument === 'object' && argument !== null ? argument : {}) as {
        root?: unknown;
        branch?: unknown;
      };
      const root = typeof record.root === 'string' ? record.root : undefined;
      const state = await resolveRepositoryState(store, root);
      if (!state || typeof record.branch !== 'string') return;
      const key = state.repository.root.toString();
      const branch = record.branch;
      await store.setOtherBranches(
        key,
        store.otherBranches(key).filter((name) => name !== branch),
      );
    }),
  );
}
