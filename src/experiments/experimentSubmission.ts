import * as vscode from 'vscode';
import type { ParamOverride } from '../core/experiments/experimentOverrides';
import {
  experimentRunRequest,
  LOCAL_MACHINE_TARGET_ID,
  type ComputeTargets,
  type RunMode,
  type Submission,
  type SubmitContext,
} from '../execution';
import type { ExperimentActionContext } from './experimentActions';
import { experimentCommandIds } from './experimentCommandIds';

/** Submits a run or queue to this machine: the only target yet, so nobody is asked where. */
export function submitExperiment(
  targets: ComputeTargets,
  context: ExperimentActionContext,
  mode: RunMode,
  overrides: readonly ParamOverride[],
  name: string,
  io: Omit<SubmitContext, 'experiments'>,
): Promise<Submission> {
  return targets
    .require(LOCAL_MACHINE_TARGET_ID)
    .submit(experimentRunRequest(mode, overrides, name), { experiments: context.service, ...io });
}

/** After queueing (not in tests, which confirm): how many, and a button that starts the workers. */
export function announceQueued(context: ExperimentActionContext, queued: number): void {
  if (context.argument.confirmed) return;
  void vscode.window
    .showInformationMessage(
      `DVC Lens: ${queued} experiment${queued === 1 ? '' : 's'} queued. Start workers to run them.`,
      'Start Workers',
    )
    .then((picked) =>
      picked
        ? vscode.commands.executeCommand(experimentCommandIds.startExperimentWorkers, {
            root: context.state.repository.root,
          })
        : undefined,
    );
}

/** DVC 3.67 silently keeps the old string in a Python params file: refuse such overrides, saying why. */
export function refuseIgnoredOverrides(ignored: readonly string[]): boolean {
  if (ignored.length === 0) return false;
  void vscode.window.showWarningMessage(
    `DVC Lens: DVC cannot change string values in Python params files (${ignored.join(', ')}): it would run with the old value. Edit the file and run without overriding them. Nothing ran.`,
  );
  return true;
}
