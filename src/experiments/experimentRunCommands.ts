import * as vscode from 'vscode';
import { ignoredPythonOverrides, type ParamOverride } from '../core/experiments/experimentOverrides';
import {
  experimentRunRequest,
  LOCAL_MACHINE_TARGET_ID,
  type ComputeTargets,
  type RunMode,
  type Submission,
  type SubmitContext,
} from '../execution';
import type { ExperimentActions, ExperimentActionContext } from './experimentActions';
import { experimentCommandIds } from './experimentCommandIds';
import { promptExperimentName, promptOverrides } from './experimentPrompts';
import { defaultWorkerCount } from './experimentSettings';
import type { ExperimentsStore } from './experimentsStore';
import { overridesFromRecord, resolveExperiment } from './experimentTargets';

/** Run, Queue (with grids), Save, Start/Stop Workers, Kill and Show Logs. Run and Queue go to a compute target. */
export function registerExperimentRunCommands(
  store: ExperimentsStore,
  actions: ExperimentActions,
  targets: ComputeTargets,
): void {
  const register = (id: string, handler: (context: ExperimentActionContext) => Promise<unknown>): void =>
    actions.registerCommand(id, handler);

  /** Submits to this machine: the only target yet, so nobody is asked where. */
  const submit = (
    context: ExperimentActionContext,
    mode: RunMode,
    overrides: readonly ParamOverride[],
    name: string,
    io: Omit<SubmitContext, 'experiments'>,
  ): Promise<Submission> =>
    targets
      .require(LOCAL_MACHINE_TARGET_ID)
      .submit(experimentRunRequest(mode, overrides, name), { experiments: context.service, ...io });

  /** Overrides from the argument, or asked for (the workspace's current params are offered). */
  const overridesOf = async (
    context: ExperimentActionContext,
    mode: 'run' | 'queue',
  ): Promise<ParamOverride[] | undefined> => {
    const root = context.state.repository.root.toString();
    const overrides = context.argument.params
      ? overridesFromRecord(context.argument.params)
      : await promptedOverrides(root, mode);
    const ignored = overrides
      ? ignoredPythonOverrides(overrides, store.get(root)?.model?.workspace?.params ?? {})
      : [];
    if (ignored.length === 0) return overrides;
    void vscode.window.showWarningMessage(
      `DVC Lens: DVC cannot change string values in Python params files (${ignored.join(', ')}): it would run with the old value. Edit the file and run without overriding them. Nothing ran.`,
    );
    return undefined;
  };

  const promptedOverrides = async (
    root: string,
    mode: 'run' | 'queue',
  ): Promise<ParamOverride[] | undefined> => {
    // The workspace's params as they are now (read from the files, so edits just saved count), beside what
    // DVC said of the repository (kept while refs stay as they are).
    await store.load(root);
    await store.readWorkspace(root);
    const workspace = store.get(root)?.model?.workspace;
    if (!workspace) {
      void vscode.window.showWarningMessage(
        'DVC Lens: DVC could not list the params (see the Experiments view for its message).',
      );
      return undefined;
    }
    return promptOverrides(workspace, mode);
  };

  const nameOf = async (context: ExperimentActionContext, title: string): Promise<string | undefined> => {
    if (context.argument.params || context.argument.name !== undefined) return context.argument.name ?? '';
    return promptExperimentName(title);
  };

  register(experimentCommandIds.runExperiment, async (context) => {
    const overrides = await overridesOf(context, 'run');
    if (!overrides) return;
    const name = await nameOf(context, 'Run experiment: name');
    if (name === undefined) return;
    const title = `dvc exp run${name ? ` -n ${name}` : ''}`;
    await actions.perform(
      context,
      title,
      (signal, onOutput) => submit(context, 'now', overrides, name, { signal, onOutput }),
      { streamed: true },
    );
  });

  register(experimentCommandIds.queueExperiment, async (context) => {
    const overrides = await overridesOf(context, 'queue');
    if (!overrides) return;
    const name = await nameOf(context, 'Queue experiment: name');
    if (name === undefined) return;
    let queued = 0;
    await actions.perform(context, 'Queue experiments', async (signal, onOutput) => {
      queued = (await submit(context, 'queue', overrides, name, { signal, onOutput })).runs.length;
    });
    if (!context.argument.confirmed)
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
  });

  register(experimentCommandIds.saveExperiment, async (context) => {
    const name =
      context.argument.name ?? (await promptExperimentName('Save the workspace as an experiment: name'));
    if (name === undefined) return;
    await actions.perform(context, 'dvc exp save', (signal, onOutput) =>
      context.service.save(name || undefined, { signal, onOutput }),
    );
  });

  register(experimentCommandIds.startExperimentWorkers, async (context) => {
    let jobs = context.argument.jobs;
    if (jobs === undefined) {
      const text = await vscode.window.showInputBox({
        title: 'Start queue workers',
        prompt: 'How many experiments run at the same time (dvc queue start -j N)?',
        value: String(defaultWorkerCount()),
        validateInput: (value) =>
          /^[1-9]\d*$/.test(value.trim()) ? undefined : 'A whole number, 1 or more.',
      });
      if (text === undefined) return;
      jobs = Number(text.trim());
    }
    const count = jobs;
    await actions.perform(context, `dvc queue start -j ${count}`, (signal, onOutput) =>
      context.service.startWorkers(count, { signal, onOutput }),
    );
  });

  register(experimentCommandIds.stopExperimentWorkers, (context) =>
    actions.perform(context, 'dvc queue stop', (signal, onOutput) =>
      context.service.stopWorkers(false, { signal, onOutput }),
    ),
  );

  register(experimentCommandIds.killExperiment, async (context) => {
    const row = await resolveExperiment(
      context.state,
      context.argument.name,
      'Kill which running experiment?',
      (candidate) => candidate.state === 'running',
    );
    if (!row) return;
    const name = row.name ?? row.rev;
    await actions.perform(context, `dvc queue kill ${name}`, (signal, onOutput) =>
      context.service.kill([name], { signal, onOutput }),
    );
  });

  register(experimentCommandIds.showExperimentLogs, async (context) => {
    const row = await resolveExperiment(
      context.state,
      context.argument.name,
      'Show the log of which queued experiment?',
      (candidate) => candidate.executor !== undefined,
    );
    if (!row) return;
    if (row.state === 'success' && !row.executor) {
      void vscode.window.showInformationMessage(
        `DVC Lens: '${row.label}' ran in the workspace, not in the queue; DVC keeps no queue log for it.`,
      );
      return;
    }
    const command = context.service.followLogsCommand(row.executor?.taskId ?? row.name ?? row.rev);
    // The program itself, with an argument array: no shell reads the name.
    const terminal = vscode.window.createTerminal({
      name: `DVC Lens: log of ${row.label}`,
      shellPath: command.file,
      shellArgs: [...command.args],
      cwd: context.service.root,
      env: command.env,
    });
    terminal.show();
  });
}
