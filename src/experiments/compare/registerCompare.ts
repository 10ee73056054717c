/**
 * The compare view's entry points: `DVC Lens: Compare Revisions...` (pick two refs), the Experiments view's
 * "Compare with Workspace" and "Compare with..." on a commit or experiment, and `open` for the experiments
 * table's Compare action. Every command also takes `{ root, a, b }` (the extension-host suite passes them).
 */
import * as vscode from 'vscode';
import type { DisposableStore } from '../../lifecycle/disposableStore';
import type { OutputLog } from '../../log/outputLog';
import type { RepositoryCommandContext, RepositoryCommands } from '../../repository/command';
import type { Repository } from '../../repository/repository';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';
import { errorText, showErrorWithLog } from '../../ui/messages';
import { metricsNotInCacheAt } from '../../core/experiments/filesNotInCache';
import { metricDirectionsSetting } from '../experimentSettings';
import type { ExperimentsStore } from '../experimentsStore';
import { commandArgument } from '../experimentTargets';
import { showComparePanel, type ComparePanel } from './comparePanel';
import { pickRef, rowRef } from './compareRefPick';
import { commitPairResultsKey, CompareService, WORKSPACE_REF } from './compareService';
import { RevisionContentProvider, revisionScheme } from './revisionContent';
import { experimentCommandIds } from '../experimentCommandIds';
import { expShowReadsKey } from '../expShowReads';
import { allRows, type ExperimentRow, type ExperimentsModel } from '../../core/experiments/experimentModel';

export interface CompareDependencies {
  readonly disposables: DisposableStore;
  readonly context: vscode.ExtensionContext;
  readonly store: ExperimentsStore;
  readonly repositories: WorkspaceRepositories;
  readonly log: OutputLog;
  readonly commands: RepositoryCommands;
}

/** What the table (and the extension-host suite) use of the compare view. */
export interface CompareRegistration {
  /** Opens a compare panel for two refs of the repository at `root` (a root URI string). */
  open(root: string, a: string, b: string): Promise<ComparePanel | undefined>;
  /** The open panels, oldest first. */
  panels(): readonly ComparePanel[];
}

export function registerCompare(deps: CompareDependencies): CompareRegistration {
  const { disposables, store, log, commands } = deps;
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
  const panelDeps = {
    extensionUri: deps.context.extensionUri,
    log,
    directions: metricDirectionsSetting,
    notInCache: (root: vscode.Uri, revisions: ReadonlyArray<string | undefined>) =>
      metricsNotInCacheAt(store.get(root.toString())?.model, revisions),
  };

  const serviceFor = (repository: Repository): CompareService | undefined => {
    const cli = repository.dvcIfReady;
    if (!cli) return undefined;
    const knownRow = (sha: string): ExperimentRow | undefined =>
      finishedRow(store.get(repository.root.toString())?.model, sha) ??
      finishedRow(repository.slice(expShowReadsKey).lastHeadModel, sha);
    return new CompareService(cli, repository.git, repository.slice(commitPairResultsKey), knownRow);
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

  /** Refs from the argument or picked (`fixed` given: only the other is asked), in the runtime's repository. */
  const compareCommand = async (
    { repository, git, args }: RepositoryCommandContext<Repository>,
    fixed: { a?: string; b?: string },
  ): Promise<void> => {
    const argument = args[0];
    const given = commandArgument(argument);
    const refs = refArguments(argument);
    const state = store.get(repository.root.toString());
    const fromRow = given.row ? rowRef(given.row) : given.name;
    const a =
      refs.a ?? fixed.a ?? fromRow ?? (await pickRef(git, state?.model, 'Compare: first revision (A)'));
    if (!a) return;
    const b = refs.b ?? fixed.b ?? (await pickRef(git, state?.model, `Compare ${a} with… (B)`, a));
    if (!b) return;
    await openPanel(repository, a, b);
  };

  // The runtime refuses in Restricted Mode and resolves the repository; the panel checks DVC (openPanel).
  const options = {
    accepts: (repository: Repository) => store.get(repository.root.toString()) !== undefined,
    noRepository: 'DVC Lens: open a DVC repository first.',
  };
  commands.repositoryCommand(experimentCommandIds.compareRevisions, options, (runtime) =>
    compareCommand(runtime, {}),
  );
  commands.repositoryCommand(experimentCommandIds.compareWithWorkspace, options, (runtime) =>
    compareCommand(runtime, { b: WORKSPACE_REF }),
  );
  commands.repositoryCommand(experimentCommandIds.compareWith, options, (runtime) =>
    compareCommand(runtime, {}),
  );

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

/**
 * The row of a commit or a finished experiment with this sha. A queued or running experiment's values are
 * still changing, and a failed one's are DVC's to explain.
 */
function finishedRow(model: ExperimentsModel | undefined, sha: string): ExperimentRow | undefined {
  if (!model) return undefined;
  return allRows(model).find(
    (row) =>
      row.kind !== 'workspace' && row.rev === sha && (row.state === undefined || row.state === 'success'),
  );
}
