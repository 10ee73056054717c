import * as vscode from 'vscode';
import { settingKeys } from '../../config/settings';
import type { OutputLog } from '../../log/outputLog';
import type { DisposableStore } from '../../lifecycle/disposableStore';
import type { RepositoryCommands } from '../../repository/command';
import type { Repository } from '../../repository/repository';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';
import { stagesThatWouldRun } from './reproOutput';
import { checkRunInputs } from './runInputsCheck';
import type { ReproRunResult } from './reproService';
import type { ReproMode, ReproRequest } from './reproRequest';
import { dirtyPipelineDocuments, resolveStageTarget } from './runTargets';
import { RunSessions } from './runSession';
import { RunTerminal } from './runTerminal';
import { StageRunStateStore, type StageRunStates } from './stageRunStates';
import { pipelineCommandIds } from '../pipelineCommandIds';

export interface RunCommandDependencies {
  readonly disposables: DisposableStore;
  readonly repositories: WorkspaceRepositories;
  readonly commands: RepositoryCommands;
  readonly log: OutputLog;
  /** The extension's workspace storage folder (history and run logs go there). */
  readonly storageDir: string;
}

/** Registers the run commands; returns the live stage states and run history for the views. */
export function registerRunCommands(deps: RunCommandDependencies): StageRunStates {
  const { disposables, repositories, commands, log } = deps;
  const states = disposables.register(new StageRunStateStore(repositories, deps.storageDir));
  const terminal = disposables.register(new RunTerminal(() => runSessions.cancelAll()));
  const runSessions = disposables.register(new RunSessions({ ...deps, states, terminal }));

  /** Runs a request (the runtime checks trust and DVC); shows a failed stage with its actions. */
  const start = async (
    repository: Repository,
    request: ReproRequest,
    expected: readonly string[],
  ): Promise<void> => {
    if (!(await saveDirtyPipelineFiles(repository))) return;
    if (request.dryRun) return dryRun(repository, request);
    if (!request.pull) {
      const upstream = request.mode === 'withUpstream' || request.mode === 'all';
      const decision = await checkRunInputs(repository, expected, upstream);
      if (decision === 'cancel') return;
      if (decision === 'pullAndRun') request = { ...request, pull: true };
    }
    const result = await runSessions.run(repository, request, expected);
    if (result?.outcome === 'failed') await reportFailure(repository, result);
  };

  const dryRun = async (repository: Repository, request: ReproRequest): Promise<void> => {
    const result = await runSessions.run(repository, request, []);
    if (!result) return;
    if (result.outcome === 'failed') return reportFailure(repository, result);
    const { run, restore } = stagesThatWouldRun(result.events);
    if (run.length === 0 && restore.length === 0) {
      void vscode.window.showInformationMessage(
        'DVC Lens dry run: nothing would run, the stages are up to date.',
      );
      return;
    }
    const detail = [
      run.length > 0 ? `Would run: ${run.join(', ')}` : '',
      restore.length > 0 ? `Would restore from the run cache: ${restore.join(', ')}` : '',
    ]
      .filter((line) => line.length > 0)
      .join('\n');
    const picked = await vscode.window.showInformationMessage(
      'DVC Lens dry run: what would run',
      { modal: true, detail },
      'Run',
    );
    if (picked === 'Run') await start(repository, { ...request, dryRun: false }, run);
  };

  const reportFailure = async (repository: Repository, result: ReproRunResult): Promise<void> => {
    const stage = result.failedStage;
    const record = stage ? result.records.find((candidate) => candidate.stage === stage) : undefined;
    const exit = record?.exitCode === undefined ? '' : ` (exit code ${record.exitCode})`;
    const message = stage
      ? `DVC Lens: stage '${stage}' failed${exit}. Its output is in the log; fix the command or its inputs, then re-run from here.`
      : `DVC Lens: dvc repro failed: ${result.error?.message ?? 'see the log'}`;
    log.error(message);
    const actions = stage ? ['Show Log', 'Re-run from Here'] : ['Show Log'];
    const picked = await vscode.window.showErrorMessage(message, ...actions);
    if (picked === 'Show Log') await openLog(result.logFile);
    if (picked === 'Re-run from Here' && stage)
      await start(repository, { targets: [stage], mode: 'downstream' }, [stage]);
  };

  const stageCommand =
    (mode: ReproMode, flags: Partial<ReproRequest> = {}) =>
    async (argument?: unknown): Promise<void> => {
      const target = await resolveStageTarget(argument, repositories);
      if (!target) return;
      await start(target.repository, { targets: [target.stage], mode, ...flags }, [target.stage]);
    };

  commands.repositoryCommand(
    pipelineCommandIds.reproAll,
    {
      pickTitle: 'Reproduce the pipelines of which repository?',
      accepts: (repository: Repository) => repository.pipelines.length > 0,
      noRepository: 'DVC Lens: there is no pipeline to run (no dvc.yaml with stages).',
    },
    async ({ repository }) => {
      if (!(await confirmReproduceAll(repository))) return;
      // DVC reproduces only ./dvc.yaml without targets: naming every dvc.yaml covers nested pipelines too.
      const files = repository.pipelines.map((pipeline) => pipeline.file);
      const stages = repository.pipelines.flatMap((pipeline) =>
        pipeline.stages.map((stage) => stage.qualifiedName),
      );
      await start(repository, { targets: files, mode: 'all' }, stages);
    },
  );
  // The stage names the repository: the trust gate first, the rest of the runtime in RunSessions.
  commands.registerTrusted(pipelineCommandIds.reproStage, stageCommand('withUpstream'));
  commands.registerTrusted(pipelineCommandIds.reproStageSingle, stageCommand('single'));
  commands.registerTrusted(pipelineCommandIds.reproDownstream, stageCommand('downstream'));
  commands.registerTrusted(pipelineCommandIds.rerunFromHere, stageCommand('downstream'));
  commands.registerTrusted(pipelineCommandIds.reproForce, stageCommand('single', { force: true }));
  commands.registerTrusted(pipelineCommandIds.reproPull, stageCommand('withUpstream', { pull: true }));
  commands.registerTrusted(pipelineCommandIds.reproDryRun, stageCommand('withUpstream', { dryRun: true }));
  // Opening a log file runs nothing: allowed in Restricted Mode.
  commands.register(pipelineCommandIds.showLastStageLog, async (argument) => {
    const target = await resolveStageTarget(argument, repositories);
    if (!target) return;
    const record = states.lastRun(target.repository.root.fsPath, target.stage);
    if (!record) {
      void vscode.window.showInformationMessage(
        `DVC Lens: stage '${target.stage}' has not run from DVC Lens yet, so there is no log to show.`,
      );
      return;
    }
    await openLog(record.logFile);
  });
  return states;
}

/** Asks to save dvc.yaml and params files with unsaved edits: DVC would run what is on disk. */
async function saveDirtyPipelineFiles(repository: Repository): Promise<boolean> {
  const dirty = dirtyPipelineDocuments(repository);
  if (dirty.length === 0) return true;
  const names = dirty.map((document) => vscode.workspace.asRelativePath(document.uri, false)).join(', ');
  const picked = await vscode.window.showWarningMessage(
    `${names} ${dirty.length === 1 ? 'has' : 'have'} unsaved changes. DVC runs what is saved on disk.`,
    { modal: true },
    'Save and Run',
  );
  if (picked !== 'Save and Run') return false;
  const saved = await Promise.all(dirty.map((document) => document.save()));
  return saved.every(Boolean);
}

/** Opens a run's log; says so when the file is gone (history keeps records longer than a person keeps files). */
export async function openLog(file: string): Promise<void> {
  try {
    await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: true });
  } catch {
    void vscode.window.showWarningMessage(`DVC Lens: the log file ${file} no longer exists.`);
  }
}

/** `dvcLens.pipeline.confirmReproduceAll`: false runs every stage from one click without asking. */
const CONFIRM_REPRODUCE_ALL = settingKeys.pipelineConfirmReproduceAll;

/** One click on the view's title runs every stage: asked once, with a way to stop asking. */
async function confirmReproduceAll(repository: Repository): Promise<boolean> {
  const configuration = vscode.workspace.getConfiguration();
  if (!configuration.get<boolean>(CONFIRM_REPRODUCE_ALL, true)) return true;
  const count = repository.pipelines.reduce((sum, pipeline) => sum + pipeline.stages.length, 0);
  const picked = await vscode.window.showWarningMessage(
    `Reproduce all ${count} stage${count === 1 ? '' : 's'} of ${repository.workspaceFolder.name}? DVC runs every stage whose inputs changed.`,
    { modal: true },
    'Reproduce All',
    'Reproduce All, Don’t Ask Again',
  );
  if (picked === 'Reproduce All, Don’t Ask Again')
    await configuration.update(CONFIRM_REPRODUCE_ALL, false, vscode.ConfigurationTarget.Global);
  return picked !== undefined;
}
