import { experimentsSliceName } from './experimentsSlice';
import * as vscode from 'vscode';
import type { OutputListener } from '../repository/processes';
import { isCancellation } from '../repository/processes';
import { experimentErrorHint } from '../core/experiments/experimentErrorHint';
import type { ExperimentRow } from '../core/experiments/experimentModel';
import type { DisposableStore } from '../lifecycle/disposableStore';
import { RunTerminal } from '../pipeline';
import type { DvcCommandContext, RepositoryCommandContext, RepositoryCommands } from '../repository/command';
import type { Repository } from '../repository/repository';
import { ExperimentsService } from './experimentsService';
import { dvcMessage, type ExperimentsStore, type RepositoryExperiments } from './experimentsStore';
import { commandArgument, type ExperimentCommandArgument } from './experimentTargets';

/** The name experiment commands refresh: the repository's `dvc exp show` state. */
export const EXPERIMENTS_STATE = experimentsSliceName;

export interface ExperimentActionContext {
  readonly state: RepositoryExperiments;
  readonly service: ExperimentsService;
  readonly argument: ExperimentCommandArgument & { row?: ExperimentRow };
  /** The command runtime's context: the repository, its DVC and git, progress. */
  readonly runtime: DvcCommandContext;
}

/** An experiment command's failure: DVC's message and, for the failures people meet most, what to do. */
export function experimentFailureText(error: unknown, title: string | undefined): string {
  const message = dvcMessage(error);
  const hint = experimentErrorHint(message);
  return `DVC Lens: ${title ?? 'the experiment command'} failed: ${message}${hint ? ` ${hint}` : ''}`;
}

const NO_EXPERIMENTS_REPOSITORY = 'DVC Lens: no DVC repository to run experiments in.';

/**
 * The experiment commands' side of the one command runtime (which refuses in Restricted Mode, resolves the
 * repository, needs DVC, shows errors with "Show Log" and refreshes the experiments): the work runs behind a
 * cancellable progress notification, DVC's output in the "DVC Lens: Experiments" terminal when streamed, and
 * a failure says DVC's message with a hint.
 */
export class ExperimentActions implements vscode.Disposable {
  private readonly active = new Set<AbortController>();
  readonly terminal: RunTerminal;

  constructor(
    private readonly store: ExperimentsStore,
    private readonly commands: RepositoryCommands,
    disposables: DisposableStore,
  ) {
    this.terminal = disposables.register(new RunTerminal(() => this.cancelAll()));
  }

  /** Repositories the Experiments view lists. */
  readonly hasExperiments = (repository: Repository): boolean =>
    this.store.get(repository.root.toString()) !== undefined;

  /** A command whose handler runs only with a resolved context (trusted, a repository, DVC found). */
  registerCommand(id: string, handler: (context: ExperimentActionContext) => Promise<unknown>): void {
    this.commands.repositoryCommand(
      id,
      {
        accepts: this.hasExperiments,
        noRepository: NO_EXPERIMENTS_REPOSITORY,
        needsDvc: true,
        failure: experimentFailureText,
        refreshes: [EXPERIMENTS_STATE],
      },
      async (runtime) => {
        const context = await this.context(runtime);
        if (context) await handler(context);
      },
    );
  }

  /** A command on the experiments state of a repository that runs no DVC (trusted, a repository). */
  registerStateCommand(
    id: string,
    handler: (
      state: RepositoryExperiments,
      runtime: RepositoryCommandContext<Repository>,
    ) => Promise<unknown>,
  ): void {
    this.commands.repositoryCommand(
      id,
      { accepts: this.hasExperiments, noRepository: NO_EXPERIMENTS_REPOSITORY },
      async (runtime) => {
        const state = this.store.get(runtime.repository.root.toString());
        if (state) await handler(state, runtime);
      },
    );
  }

  /** The experiments state of the argument's repository or a pick, without the runtime (read-only commands). */
  async stateOf(argument: unknown): Promise<RepositoryExperiments | undefined> {
    const repository = await this.commands.chooseRepository(argument, {
      accepts: this.hasExperiments,
      noRepository: NO_EXPERIMENTS_REPOSITORY,
    });
    return repository && this.store.get(repository.root.toString());
  }

  /**
   * Runs `work` behind progress titled `title`; `streamed` shows DVC's output in the terminal. Rejects when it
   * failed or was cancelled: the runtime says why (or nothing, for a cancel) and refreshes either way.
   */
  async perform(
    context: ExperimentActionContext,
    title: string,
    work: (signal: AbortSignal, onOutput: OutputListener) => Promise<unknown>,
    options: { readonly streamed?: boolean } = {},
  ): Promise<void> {
    // Closing the terminal cancels every running command: one controller per command joins the two signals.
    const controller = new AbortController();
    this.active.add(controller);
    if (options.streamed) {
      this.terminal.show();
      this.terminal.heading(`$ ${title}    (${context.service.root})`);
    }
    const onOutput: OutputListener = (line) => {
      if (options.streamed) this.terminal.appendLine(line);
    };
    try {
      await context.runtime.progress.run(title, async (signal) => {
        signal.addEventListener('abort', () => controller.abort(), { once: true });
        await work(controller.signal, onOutput);
      });
      if (options.streamed) this.terminal.heading(`✔ ${title} finished`);
    } catch (error) {
      if (options.streamed)
        this.terminal.heading(isCancellation(error) ? `■ ${title} cancelled` : `✘ ${title} failed`);
      throw error;
    } finally {
      this.active.delete(controller);
    }
  }

  cancelAll(): void {
    for (const controller of this.active) controller.abort();
  }

  dispose(): void {
    this.cancelAll();
  }

  private async context(runtime: DvcCommandContext): Promise<ExperimentActionContext | undefined> {
    const root = runtime.repository.root.toString();
    const state = this.store.get(root);
    if (!state) return undefined;
    const service = new ExperimentsService(runtime.dvc, runtime.repository.scheduler, runtime.git);
    const argument = commandArgument(runtime.args[0]);
    // The view may never have been shown (nothing read yet): pickers need the experiments.
    if (!state.answeredByDvc) {
      await this.store.load(root);
      return { state: this.store.get(root) ?? state, service, argument, runtime };
    }
    return { state, service, argument, runtime };
  }
}
