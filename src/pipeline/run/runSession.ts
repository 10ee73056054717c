import * as vscode from 'vscode';
import { DvcCli } from '../../cli/dvcCli';
import { isCancellation } from '../../cli/processError';
import type { OutputLog } from '../../log/outputLog';
import type { RepositorySchedulers } from '../../repository/repositorySchedulers';
import type { DvcLocator } from '../../setup/dvcLocator';
import { withCancellableProgress } from '../../ui/progress';
import { errorText, showErrorWithLog } from '../../ui/messages';
import { ReproService, type ReproRunResult } from './reproService';
import { reproCommandText, type ReproRequest } from './reproRequest';
import type { RunTerminal } from './runTerminal';
import type { StageRunStateStore } from './stageRunStates';

export interface RunSessionDependencies {
  readonly schedulers: RepositorySchedulers;
  readonly locator: DvcLocator;
  readonly log: OutputLog;
  readonly states: StageRunStateStore;
  readonly terminal: RunTerminal;
  readonly storageDir: string;
}

/**
 * Runs one request with everything a person sees: output in the Runs terminal, a status bar item, a progress
 * notification with Cancel (queued while another DVC write of the repository runs), and live stage states.
 * Resolves to the result, or undefined when cancelled or DVC could not start (already reported).
 */
export class RunSessions implements vscode.Disposable {
  private readonly active = new Set<AbortController>();

  constructor(private readonly deps: RunSessionDependencies) {}

  cancelAll(): void {
    for (const controller of this.active) controller.abort();
  }

  async run(
    root: vscode.Uri,
    request: ReproRequest,
    expectedStages: readonly string[],
  ): Promise<ReproRunResult | undefined> {
    const { log, states, terminal } = this.deps;
    const executable = await this.deps.locator.ready();
    if (!executable) {
      await showErrorWithLog(
        log,
        'DVC Lens: DVC was not found, so nothing ran. Choose a DVC executable or install DVC, then run again.',
      );
      return undefined;
    }
    const rootPath = root.fsPath;
    const scheduler = this.deps.schedulers.for(rootPath);
    const service = new ReproService({
      cli: new DvcCli(executable, scheduler),
      scheduler,
      history: states.historyOf(rootPath),
      logDir: `${this.deps.storageDir}/logs`,
    });
    const commandText = reproCommandText(request);
    const controller = new AbortController();
    this.active.add(controller);
    const statusItem = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
    statusItem.name = 'DVC Lens: run';
    statusItem.text = `$(sync~spin) ${commandText}`;
    statusItem.tooltip = `${commandText} in ${rootPath}`;
    statusItem.show();
    terminal.show();
    terminal.heading(`$ ${commandText}    (${rootPath})`);
    try {
      return await withCancellableProgress(`DVC Lens: ${commandText}`, async (signal, report) => {
        signal.addEventListener('abort', () => controller.abort(), { once: true });
        const result = await service.run(request, {
          signal: controller.signal,
          expectedStages,
          listener: {
            onOutput: (line) => terminal.appendLine(line),
            onStageState: (stage, state) => {
              // A dry run runs nothing: the views keep showing the last real run.
              if (!request.dryRun) states.set(rootPath, stage, state);
              if (state === 'running') {
                report(`running ${stage}`);
                statusItem.text = `$(sync~spin) DVC: ${stage}`;
              }
            },
            onQueuePosition: (ahead) => {
              const message =
                ahead === 0 ? 'started' : `queued behind ${ahead} DVC command${ahead === 1 ? '' : 's'}`;
              report(message);
              statusItem.text = `$(${ahead === 0 ? 'sync~spin' : 'watch'}) DVC: ${message}`;
            },
          },
        });
        states.historyChanged();
        terminal.heading(
          result.outcome === 'succeeded'
            ? `✔ ${commandText} finished`
            : `✘ ${commandText} failed${result.failedStage ? ` in stage '${result.failedStage}'` : ''}`,
        );
        return result;
      });
    } catch (error) {
      if (isCancellation(error)) {
        terminal.heading(`■ ${commandText} cancelled`);
        log.append(`${commandText} cancelled`);
        states.historyChanged();
        return undefined;
      }
      await showErrorWithLog(log, `DVC Lens: ${commandText} could not run: ${errorText(error)}`);
      return undefined;
    } finally {
      this.active.delete(controller);
      statusItem.dispose();
    }
  }

  dispose(): void {
    this.cancelAll();
  }
}
