import * as vscode from 'vscode';
import {
  ignoredPythonOverrides,
  splitValueList,
  type ParamOverride,
  type ParamSweep,
} from '../core/experiments/experimentOverrides';
import type { ExperimentActions, ExperimentActionContext } from './experimentActions';
import { experimentCommandIds } from './experimentCommandIds';
import { promptExperimentName, promptOverrides } from './experimentPrompts';
import { defaultWorkerCount } from './experimentSettings';
import type { ExperimentsStore } from './experimentsStore';
import { overridesFromRecord, resolveExperiment } from './experimentTargets';

/** Run, Queue (with grids), Save, Start/Stop Workers, Kill and Show Logs. */
export function registerExperimentRunCommands(store: ExperimentsStore, actions: ExperimentActions): void {
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
    // The values offered are DVC's own view of the workspace's params: read now, so edits just saved count.
    await store.refresh(root);
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

  actions.registerCommand(experimentCommandIds.runExperiment, async (context) => {
    const overrides = await overridesOf(context, 'run');
    if (!overrides) return;
    const name = await nameOf(context, 'Run experiment: name');
    if (name === undefined) return;
    const title = `dvc exp run${name ? ` -n ${name}` : ''}`;
    await actions.perform(
      context,
      title,
      (signal, onOutput) => context.service.run(overrides, { name: name || undefined, signal, onOutput }),
      { streamed: true },
    );
  });

  actions.registerCommand(experimentCommandIds.queueExperiment, async (context) => {
    const overrides = await overridesOf(context, 'queue');
    if (!overrides) return;
    const name = await nameOf(context, 'Queue experiment: name');
    if (name === undefined) return;
    const sweeps: ParamSweep[] = [];
    const fixed: ParamOverride[] = [];
    for (const override of overrides) {
      const values = splitValueList(override.value);
      if (values.length > 1) sweeps.push({ file: override.file, key: override.key, values });
      else fixed.push(override);
    }
    let queued = 0;
    await actions.perform(context, 'Queue experiments', async (signal, onOutput) => {
      queued =
        sweeps.length > 0
          ? await context.service.queueGrid(sweeps, fixed, { name: name || undefined, signal, onOutput })
          : (await context.service.queue(fixed, { name: name || undefined, signal, onOutput }), 1);
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

  actions.registerCommand(experimentCommandIds.saveExperiment, async (context) => {
    const name =
      context.argument.name ?? (await promptExperimentName('Save the workspace as an experiment: name'));
    if (name === undefined) return;
    await actions.perform(context, 'dvc exp save', (signal, onOutput) =>
      context.service.save(name || undefined, { signal, onOutput }),
    );
  });

  actions.registerCommand(experimentCommandIds.startExperimentWorkers, async (context) => {
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

  actions.registerCommand(experimentCommandIds.stopExperimentWorkers, (context) =>
    actions.perform(context, 'dvc queue stop', (signal, onOutput) =>
      context.service.stopWorkers(false, { signal, onOutput }),
    ),
  );

  actions.registerCommand(experimentCommandIds.killExperiment, async (context) => {
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

  actions.registerCommand(experimentCommandIds.showExperimentLogs, async (context) => {
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
