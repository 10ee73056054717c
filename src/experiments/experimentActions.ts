import * as vscode from 'vscode';
import { isCancellation } from '../cli/processError';
import type { OutputListener } from '../cli/dvcCli';
import type { DisposableStore } from '../lifecycle/disposableStore';
import type { OutputLog } from '../log/outputLog';
import { RunTerminal } from '../pipeline/run/runTerminal';
import { isTrusted, restrictedModeMessage } from '../trust/workspaceTrust';
import { showErrorWithLog } from '../ui/messages';
import { withCancellableProgress } from '../ui/progress';
import type { ExperimentsService } from './experimentsService';
import { dvcMessage, type ExperimentsStore, type RepositoryExperiments } from './experimentsStore';
import { commandArgument, resolveRepositoryState, type ExperimentCommandArgument } from './experimentTargets';
import { experimentErrorHint } from '../core/experiments/experimentErrorHint';
import type { ExperimentRow } from '../core/experiments/experimentModel';

export interface ExperimentActionContext {
  readonly state: RepositoryExperiments;
  readonly service: ExperimentsService;
  readonly argument: ExperimentCommandArgument & { row?: ExperimentRow };
}

/**
 * What every experiment command shares: Restricted Mode refuses, the repository is resolved, DVC must be
 * there, the work runs behind a cancellable progress notification (DVC's output in the "DVC Lens:
 * Experiments" terminal), errors show DVC's message with "Show Log", and the view refreshes afterwards.
 */
export class ExperimentActions implements vscode.Disposable {
  private readonly active = new Set<AbortController>();
  readonly terminal: RunTerminal;

  constructor(
    private readonly store: ExperimentsStore,
    private readonly log: OutputLog,
    disposables: DisposableStore,
  ) {
    this.terminal = disposables.register(new RunTerminal(() => this.cancelAll()));
  }

  /** A command whose handler runs only with a resolved context (trusted, a repository, DVC found). */
  registerCommand(
    id: string,
    handler: (context: ExperimentActionContext) => Promise<unknown>,
  ): vscode.Disposable {
    return vscode.commands.registerCommand(id, async (argument: unknown) => {
      const context = await this.context(argument);
      if (context) await handler(context);
    });
  }

  /** Resolves the context of a command; undefined: refused or nothing to act on (already said why). */
  async context(rawArgument: unknown): Promise<ExperimentActionContext | undefined> {
    if (!isTrusted()) {
      void vscode.window.showWarningMessage(restrictedModeMessage);
      return undefined;
    }
    const argument = commandArgument(rawArgument);
    const state = await resolveRepositoryState(this.store, argument.root);
    if (!state) {
      if (argument.root !== undefined || this.store.all.length === 0)
        void vscode.window.showInformationMessage('DVC Lens: no DVC repository to run experiments in.');
      return undefined;
    }
    const service = this.store.serviceFor(state.repository);
    if (!service) {
      await showErrorWithLog(
        this.log,
        'DVC Lens: DVC was not found, so nothing ran. Choose a DVC executable or install DVC, then try again.',
      );
      return undefined;
    }
    // The view may never have been shown (nothing read yet): pickers need the experiments.
    if (!state.model) {
      const root = state.repository.root.toString();
      await this.store.refresh(root);
      return { state: this.store.get(root) ?? state, service, argument };
    }
    return { state, service, argument };
  }

  /**
   * Runs `work` behind progress; `streamed` shows DVC's output in the terminal. Resolves true when it
   * succeeded; the view refreshes either way.
   */
  async perform(
    context: ExperimentActionContext,
    title: string,
    work: (signal: AbortSignal, onOutput: OutputListener) => Promise<unknown>,
    options: { readonly streamed?: boolean } = {},
  ): Promise<boolean> {
    const controller = new AbortController();
    this.active.add(controller);
    const root = context.state.repository.root.toString();
    if (options.streamed) {
      this.terminal.show();
      this.terminal.heading(`$ ${title}    (${context.service.root})`);
    }
    const onOutput: OutputListener = (line) => {
      if (options.streamed) this.terminal.appendLine(line);
    };
    try {
      await withCancellableProgress(`DVC Lens: ${title}`, async (signal) => {
        signal.addEventListener('abort', () => controller.abort(), { once: true });
        await work(controller.signal, onOutput);
      });
      if (options.streamed) this.terminal.heading(`✔ ${title} finished`);
      return true;
    } catch (error) {
      if (isCancellation(error)) {
        if (options.streamed) this.terminal.heading(`■ ${title} cancelled`);
        return false;
      }
      if (options.streamed) this.terminal.heading(`✘ ${title} failed`);
      const message = dvcMessage(error);
      const hint = experimentErrorHint(message);
      void showErrorWithLog(this.log, `DVC Lens: ${title} failed: ${message}${hint ? ` ${hint}` : ''}`);
      return false;
    } finally {
      this.active.delete(controller);
      await this.store.refresh(root);
    }
  }

  cancelAll(): void {
    for (const controller of this.active) controller.abort();
  }

  dispose(): void {
    this.cancelAll();
  }
}
