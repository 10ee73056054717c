/**
 * THE command runtime, wired to the editor: every command that acts on a repository registers here with
 * `repositoryCommand(id, options, handler)` and gets trust, the repository, DVC, cancellable progress, the
 * error with "Show Log" and the refresh of the named state (the steps themselves are in commandRuntime.ts).
 */
import * as vscode from 'vscode';
import { isCancellation } from '../cli/processError';
import type { DvcFailureAction } from '../core/dvcFailure/explainDvcFailure';
import type { DisposableStore } from '../lifecycle/disposableStore';
import type { OutputLog } from '../log/outputLog';
import { isTrusted } from '../trust/workspaceTrust';
import { editorCommandUi } from './commandUi';
import {
  admitted,
  chooseRepository,
  runInRepository,
  runRepositoryCommand,
  type CommandEnvironment,
  type DvcOf,
  type RepositoryCommandContext,
  type RepositoryCommandOptions,
} from './commandRuntime';
import type { Repository } from './repository';
import { resolveRepository } from './resolveRepository';
import type { WorkspaceRepositories } from './workspaceRepositories';

export type { RepositoryCommandContext, RepositoryCommandOptions } from './commandRuntime';

/** The context of a command declared with `needsDvc: true` (its `dvc` is there). */
export type DvcCommandContext = RepositoryCommandContext<Repository, DvcOf<{ needsDvc: true }>>;

export interface RepositoryCommandsDependencies {
  readonly disposables: DisposableStore;
  readonly repositories: WorkspaceRepositories;
  readonly log: OutputLog;
}

/** Re-reads what a command changed in one repository. */
export type RepositoryRefresh = (repository: Repository) => Promise<void>;

/** Does what a translated DVC failure offers (the composition root supplies it: Pull, plugin install, ...). */
export type FailureActionHandler = (
  repository: Repository,
  action: Exclude<DvcFailureAction, { kind: 'retry' }>,
) => Promise<void>;

export class RepositoryCommands {
  private readonly env: CommandEnvironment<Repository>;
  private readonly viewRefreshes = new Map<string, RepositoryRefresh[]>();
  private failureActions: FailureActionHandler | undefined;

  constructor(private readonly deps: RepositoryCommandsDependencies) {
    this.env = {
      ui: editorCommandUi(deps.log),
      isTrusted: () => isTrusted(),
      resolve: (argument, request) => resolveRepository(deps.repositories, argument, request),
      isCancellation,
      refresh: (repository, names) => this.refresh(repository, names),
      runFailureAction: (repository, action) =>
        this.failureActions?.(repository, action) ?? Promise.resolve(),
    };
  }

  /** Who answers the action buttons of translated DVC failures (set once by the composition root). */
  handleFailureActions(handler: FailureActionHandler): void {
    this.failureActions = handler;
  }

  /** The one registration helper: registers `handler` under `id` until the extension is disposed. */
  register(id: string, handler: (...args: unknown[]) => unknown): void {
    this.deps.disposables.register(vscode.commands.registerCommand(id, handler));
  }

  /** A command that runs processes but picks no repository: Restricted Mode refuses it, even from code. */
  registerTrusted(id: string, handler: (...args: unknown[]) => unknown, restricted?: string): void {
    this.register(id, (...args) => (admitted(this.env, restricted) ? handler(...args) : undefined));
  }

  /** A command acting on one repository: trust, resolve/pick, DVC, progress, error, refresh (commandRuntime). */
  repositoryCommand<O extends RepositoryCommandOptions<Repository>, T>(
    id: string,
    options: O,
    handler: (context: RepositoryCommandContext<Repository, DvcOf<O>>) => Promise<T>,
  ): void {
    this.register(id, (...args) => runRepositoryCommand(this.env, options, args, handler));
  }

  /** The runtime's steps after the repository, for a command that found its repository from its targets. */
  runIn<O extends RepositoryCommandOptions<Repository>, T>(
    repository: Repository,
    options: O,
    args: readonly unknown[],
    handler: (context: RepositoryCommandContext<Repository, DvcOf<O>>) => Promise<T>,
  ): Promise<T | undefined> {
    return runInRepository(this.env, repository, options, args, handler);
  }

  /**
   * The one resolve/pick on its own, saying so when there is no repository: for commands that find their
   * repository on the way (from their targets) or only read (nothing to trust, nothing refreshed).
   */
  chooseRepository(
    argument: unknown,
    options: Pick<RepositoryCommandOptions<Repository>, 'pickTitle' | 'accepts' | 'noRepository'>,
  ): Promise<Repository | undefined> {
    return chooseRepository(this.env, options, argument);
  }

  /**
   * A view whose state is not (yet) a slice of the hub refreshes under `name` too. Interim: once the
   * concept's state is a slice registered under that name, `refreshSlices` reaches it and this goes.
   */
  refreshesAlso(name: string, refresh: RepositoryRefresh): void {
    this.viewRefreshes.set(name, [...(this.viewRefreshes.get(name) ?? []), refresh]);
  }

  private async refresh(repository: Repository, names: readonly string[]): Promise<void> {
    const views = names.flatMap((name) => this.viewRefreshes.get(name) ?? []);
    await Promise.all([
      repository.refreshSlices(names),
      ...views.map(async (refresh) => {
        try {
          await refresh(repository);
        } catch (error) {
          this.deps.log.error(`Refreshing ${repository.root.fsPath} after a command failed`, error);
        }
      }),
    ]);
  }
}
