import * as vscode from 'vscode';
import type { ExperimentRow } from '../core/experiments/experimentModel';
import { ignoredPythonOverrides, type ParamOverride } from '../core/experiments/experimentOverrides';
import { modifiedRunPlan } from '../core/experiments/modifiedRun';
import type { ComputeTargets } from '../execution';
import type { ExperimentActions, ExperimentActionContext } from './experimentActions';
import { experimentCommandIds } from './experimentCommandIds';
import { promptExperimentName, promptOverrides } from './experimentPrompts';
import { announceQueued, refuseIgnoredOverrides, submitExperiment } from './experimentSubmission';
import type { ExperimentsStore } from './experimentsStore';
import { overridesFromRecord, resolveStartingRow } from './experimentTargets';
import { runKeepingParams } from './runKeepingParams';

/**
 * Modify and Run / Modify and Queue: on an experiment or commit (the Experiments view's menu, the table's row
 * menu, or `{ root, name }`), the params picker starts from that revision's values; the run overrides every
 * param where it differs from the workspace, plus the person's changes. The argument's `newName` names the new
 * experiment; `params` skips the picker (tests).
 */
export function registerExperimentModifyCommands(
  store: ExperimentsStore,
  actions: ExperimentActions,
  targets: ComputeTargets,
): void {
  const plan = async (
    context: ExperimentActionContext,
    mode: 'run' | 'queue',
  ): Promise<{ source: ExperimentRow; overrides: ParamOverride[] } | undefined> => {
    const verb = mode === 'run' ? 'Modify and run' : 'Modify and queue';
    const source = await resolveStartingRow(context.state, context.argument, `${verb}: start from which?`);
    if (!source) return undefined;
    // The workspace's params as DVC reads them now: the overrides are what differs from them.
    const root = context.state.repository.root.toString();
    await store.refresh(root);
    const workspace = store.get(root)?.model?.workspace;
    if (!workspace) {
      void vscode.window.showWarningMessage(
        'DVC Lens: DVC could not list the params (see the Experiments view for its message).',
      );
      return undefined;
    }
    const edits = context.argument.params
      ? overridesFromRecord(context.argument.params)
      : await promptOverrides(source, mode, `${verb} from '${source.label}': which params to change?`);
    if (!edits) return undefined;
    const { overrides, missingInWorkspace } = modifiedRunPlan(source.params, workspace.params, edits);
    if (refuseIgnoredOverrides(ignoredPythonOverrides(overrides, workspace.params))) return undefined;
    if (missingInWorkspace.length > 0)
      void vscode.window.showWarningMessage(
        `DVC Lens: the workspace's params files no longer have ${missingInWorkspace.join(', ')} of '${source.label}'; DVC can only change params that exist, so the run goes without them.`,
      );
    return { source, overrides };
  };

  const nameOf = (context: ExperimentActionContext, title: string): Thenable<string | undefined> =>
    context.argument.newName !== undefined || context.argument.params
      ? Promise.resolve(context.argument.newName ?? '')
      : promptExperimentName(title);

  actions.registerCommand(experimentCommandIds.modifyAndRunExperiment, async (context) => {
    const planned = await plan(context, 'run');
    if (!planned) return;
    const name = await nameOf(context, `Modify and run from '${planned.source.label}': name`);
    if (name === undefined) return;
    const title = `dvc exp run${name ? ` -n ${name}` : ''} (from ${planned.source.label})`;
    await runKeepingParams(context.service.root, planned.overrides, title, () =>
      actions.perform(
        context,
        title,
        (signal, onOutput) =>
          submitExperiment(targets, context, 'now', planned.overrides, name, { signal, onOutput }),
        { streamed: true },
      ),
    );
  });

  actions.registerCommand(experimentCommandIds.modifyAndQueueExperiment, async (context) => {
    const planned = await plan(context, 'queue');
    if (!planned) return;
    const name = await nameOf(context, `Modify and queue from '${planned.source.label}': name`);
    if (name === undefined) return;
    let queued = 0;
    await actions.perform(
      context,
      `Queue experiments (from ${planned.source.label})`,
      async (signal, onOutput) => {
        const submission = await submitExperiment(targets, context, 'queue', planned.overrides, name, {
          signal,
          onOutput,
        });
        queued = submission.runs.length;
      },
    );
    announceQueued(context, queued);
  });
}
