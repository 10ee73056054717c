import * as vscode from 'vscode';
import type { DvcCli } from '../../repository/processes';
import { isCancellation } from '../../repository/processes';
import type { OutputLog } from '../../log/outputLog';
import type { RepositoryCommands } from '../../repository/command';
import type { CommandProgress } from '../../repository/commandRuntime';
import type { Repository } from '../../repository/repository';
import { errorText } from '../../ui/messages';
import { ReproService, type ReproRunResult } from './reproService';
import { reproCommandText, type ReproRequest } from './reproRequest';
import type { RunTerminal } from './runTerminal';
import type { StageRunStateStore } from './stageRunStates';

export interface RunSessionDependencies {
  readonly commands: RepositoryCommands;
  readonly log: OutputLog;
  readonly states: StageRunStateStore;
  readonly terminal: RunTerminal;
  readonly storageDir: string;
}

const DVC_MISSING =
  'DVC Lens: DVC was not found, so nothing ran. Choose a DVC executable or install DVC, then run again.';

/**
 * Runs one request through the command runtime (trust, DVC, progress with Cancel, the error with "Show Log")
 * with everything a person sees besides: output in the Runs terminal, a status bar item, the queue position
 * while another DVC write of the repository runs, and live stage states. Resolves to the result, or
 * undefined when cancelled or DVC could not start (already reported).
 */
export class RunSessions implements vscode.Disposable {
  private readonly active = new Set<AbortController>();

  constructor(private readonly deps: RunSessionDependencies) {}

  cancelAll(): void {
    for (const controller of this.active) controller.abort();
  }

  run(
    repository: Repository,
    request: ReproRequest,
    expectedStages: readonly string[],
  ): Promise<ReproRunResult | undefined> {
    const commandText = reproCommandText(request);
    return this.deps.commands.runIn(
      repository,
      {
        needsDvc: true,
        dvcMissing: DVC_MISSING,
        failure: (error) => `DVC Lens: ${commandText} could not run: ${errorText(error)}`,
      },
      [],
      ({ dvc, progress }) => this.runWith(repository, dvc, progress, request, expectedStages),
    );
  }

  dispose(): void {
    this.cancelAll();
  }

  private async runWith(
    repository: Repository,
    cli: DvcCli,
    progress: CommandProgress,
    request: ReproRequest,
    expectedStages: readonly string[],
  ): Promise<ReproRunResult> {
    const { log, states, terminal } = this.deps;
    const rootPath = repository.root.fsPath;
    const service = new ReproService({
      cli,
      scheduler: repository.scheduler,
      history: states.historyOf(rootPath),
      logDir: `${this.deps.storageDir}/logs`,
    });
    const commandText = reproCommandText(request);
    // Closing the Runs terminal cancels every run: one controller per run joins the two signals.
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
      return await progress.run(commandText, async (signal, report) => {
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
      }
      throw error;
    } finally {
      this.active.delete(controller);
      statusItem.dispose();
    }
  }
}
