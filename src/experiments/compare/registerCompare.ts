/**
 * The compare view's entry points: `DVC Lens: Compare Revisions...` (pick two refs), the Experiments view's
 * "Compare with Workspace" and "Compare with..." on a commit or experiment, and `open` for the experiments
 * table's Compare action. Every command also takes `{ root, a, b }` (the extension-host suite passes them).
 */
import * as vscode from 'vscode';
import type { DisposableStore } from '../../lifecycle/disposableStore';
import type { OutputLog } from '../../log/outputLog';
import type { Repository } from '../../repository/repository';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';
import { isTrusted, restrictedModeMessage } from '../../trust/workspaceTrust';
import { errorText, showErrorWithLog } from '../../ui/messages';
import { metricDirectionsSetting } from '../experimentSettings';
import type { ExperimentsStore } from '../experimentsStore';
import { commandArgument, resolveRepositoryState } from '../experimentTargets';
import { showComparePanel, type ComparePanel } from './comparePanel';
import { pickRef, rowRef } from './compareRefPick';
import { CompareService, WORKSPACE_REF } from './compareService';
import { RevisionContentProvider, revisionScheme } from './revisionContent';

/** The compare commands; package.json contributes them with these ids. */
export const compareCommandIds = {
  compareRevisions: 'dvcLens.compareRevisions',
  compareWithWorkspace: 'dvcLens.compareWithWorkspace',
  compareWith: 'dvcLens.compareWith',
} as const;

export interface CompareDependencies {
  readonly disposables: DisposableStore;
  readonly context: vscode.ExtensionContext;
  readonly store: ExperimentsStore;
  readonly repositories: WorkspaceRepositories;
  readonly log: OutputLog;
}

/** What the table (and the extension-host suite) use of the compare view. */
export interface CompareRegistration {
  /** Opens a compare panel for two refs of the repository at `root` (a root URI string). */
  open(root: string, a: string, b: string): Promise<ComparePanel | undefined>;
  /** The open panels, oldest first. */
  panels(): readonly ComparePanel[];
}

export function registerCompare(deps: CompareDependencies): CompareRegistration {
  const { disposables, store, log } = deps;
  const open: ComparePanel[] = [];
  disposables.register({
    dispose: () => {
      for (const panel of [...open]) panel.panel.dispose();
    },
  });
  disposables.register(
    vscode.workspace.registerTextDocumentContentProvider(
      revisionScheme,
      new RevisionContentProvider(deps.repositories, log),
    ),
  );
  const panelDeps = { extensionUri: deps.context.extensionUri, log, directions: metricDirectionsSetting };

  const serviceFor = (repository: Repository): CompareService | undefined => {
    const cli = repository.dvcIfReady;
    return cli ? new CompareService(cli, repository.git) : undefined;
  };

  const openPanel = async (
    repository: Repository,
    a: string,
    b: string,
  ): Promise<ComparePanel | undefined> => {
    const root = repository.root;
    const service = serviceFor(repository);
    if (!service) {
      void vscode.window.showWarningMessage('DVC Lens: DVC was not found; the compare view needs it.');
      return undefined;
    }
    try {
      const [left, right] = await Promise.all([service.resolve(a), service.resolve(b)]);
      const panel = showComparePanel(panelDeps, root, service, left, right);
      open.push(panel);
      panel.panel.onDidDispose(() => open.splice(open.indexOf(panel), 1));
      return panel;
    } catch (error) {
      void showErrorWithLog(log, `DVC Lens: cannot compare ${a} with ${b}: ${errorText(error)}`);
      return undefined;
    }
  };

  /** The repository, and refs from the argument or picked (`first` given: only the second is asked). */
  const compareCommand = async (argument: unknown, fixed: { a?: string; b?: string }): Promise<void> => {
    if (!isTrusted()) return void vscode.window.showWarningMessage(restrictedModeMessage);
    const given = commandArgument(argument);
    const refs = refArguments(argument);
    // Right after start-up the workspace scan may still run; the store learns its repositories from it.
    await deps.repositories.whenLoaded();
    const state = await resolveRepositoryState(store, given.root);
    if (!state) return void vscode.window.showInformationMessage('DVC Lens: open a DVC repository first.');
    const git = state.repository.git;
    const fromRow = given.row ? rowRef(given.row) : given.name;
    const a =
      refs.a ?? fixed.a ?? fromRow ?? (await pickRef(git, state.model, 'Compare: first revision (A)'));
    if (!a) return;
    const b = refs.b ?? fixed.b ?? (await pickRef(git, state.model, `Compare ${a} with… (B)`, a));
    if (!b) return;
    await openPanel(state.repository, a, b);
  };

  const register = (id: string, handler: (argument: unknown) => Promise<void>): void => {
    disposables.register(vscode.commands.registerCommand(id, handler));
  };
  register(compareCommandIds.compareRevisions, (argument) => compareCommand(argument, {}));
  register(compareCommandIds.compareWithWorkspace, (argument) =>
    compareCommand(argument, { b: WORKSPACE_REF }),
  );
  register(compareCommandIds.compareWith, (argument) => compareCommand(argument, {}));

  return {
    open: async (root, a, b) => {
      const state = store.get(root);
      return state ? openPanel(state.repository, a, b) : undefined;
    },
    panels: () => [...open],
  };
}

/** `{ a, b }` of an argument object (refs as text). */
function refArguments(argument: unknown): { a?: string; b?: string } {
  if (typeof argument !== 'object' || argument === null) return {};
  const { a, b } = argument as { a?: unknown; b?: unknown };
  return {
    ...(typeof a === 'string' && a.length > 0 ? { a } : {}),
    ...(typeof b === 'string' && b.length > 0 ? { b } : {}),
  };
}
