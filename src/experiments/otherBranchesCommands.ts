/**
 * "Show other branches…" and "Hide branch": which local branches besides the checked-out one the Experiments
 * view (and table) lists, with their last commits and experiments. The choice is kept per workspace.
 */
import * as vscode from 'vscode';
import type { ExperimentActions } from './experimentActions';
import { experimentCommandIds } from './experimentCommandIds';
import type { ExperimentsStore } from './experimentsStore';

/** `{ root, branches: [...] }` skips the pick (the extension-host suite). */
function branchesArgument(argument: unknown): string[] | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const branches = (argument as { branches?: unknown }).branches;
  return Array.isArray(branches)
    ? branches.filter((name): name is string => typeof name === 'string')
    : undefined;
}

export function registerOtherBranchesCommands(store: ExperimentsStore, actions: ExperimentActions): void {
  actions.registerCommand(experimentCommandIds.showOtherBranches, async (context) => {
    const root = context.state.repository.root.toString();
    let chosen = branchesArgument(context.runtime.args[0]);
    if (!chosen) {
      const local = await context.runtime.git.localBranches().catch(() => []);
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
  });
  // `{ root, branch }` from the view's inline action.
  actions.registerStateCommand(experimentCommandIds.hideOtherBranch, async (state, { args }) => {
    const argument = args[0];
    const branch =
      typeof argument === 'object' && argument !== null
        ? (argument as { branch?: unknown }).branch
        : undefined;
    if (typeof branch !== 'string') return;
    const key = state.repository.root.toString();
    await store.setOtherBranches(
      key,
      store.otherBranches(key).filter((name) => name !== branch),
    );
  });
}
