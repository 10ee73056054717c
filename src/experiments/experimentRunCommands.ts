import { checkRunInputs } from '../pipeline';
import { remoteCommandIds } from '../remotes';
import * as vscode from 'vscode';
import { ignoredPythonOverrides, type ParamOverride } from '../core/experiments/experimentOverrides';
import type { ComputeTargets, RunMode, Submission, SubmitContext } from '../execution';
import type { ExperimentActions, ExperimentActionContext } from './experimentActions';
import { experimentCommandIds } from './experimentCommandIds';
import { promptExperimentName, promptOverrides } from './experimentPrompts';
import { defaultWorkerCount } from './experimentSettings';
import { announceQueued, refuseIgnoredOverrides, submitExperiment } from './experimentSubmission';
import type { ExperimentsStore } from './experimentsStore';
import { overridesFromRecord, resolveExperiment } from './experimentTargets';
import { submitToRemoteTarget } from './remote/remoteSubmit';
import type { RemoteRunStore } from './remote/remoteRunStore';
import type { RemoteTargetsSetting } from './remote/remoteTargetsSetting';
import { chooseRunPlace } from './remote/wherePick';
import { runKeepingParams } from './runKeepingParams';

/** The compute targets beyond this machine, and where their runs are kept. */
export interface RemoteRunsAccess {
  readonly targets: RemoteTargetsSetting;
  readonly runs: RemoteRunStore;
}

/** Run, Queue (with grids), Save, Start/Stop Workers, Kill and Show Logs. Run and Queue go to a compute target. */
export function registerExperimentRunCommands(
  store: ExperimentsStore,
  actions: ExperimentActions,
  targets: ComputeTargets,
  remote: RemoteRunsAccess,
): void {
  const register = (id: string, handler: (context: ExperimentActionContext) => Promise<unknown>): void =>
    actions.registerCommand(id, handler);

  /** Submits to this machine (run now, or its queue). */
  const submit = (
    context: ExperimentActionContext,
    mode: RunMode,
    overrides: readonly ParamOverride[],
    name: string,
    io: Omit<SubmitContext, 'experiments'>,
  ): Promise<Submission> => submitExperiment(targets, context, mode, overrides, name, io);

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
    return refuseIgnoredOverrides(ignored) ? undefined : overrides;
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

  /**
   * Run and Queue ask where first when compute targets are configured (a target always queues: a job runs
   * when the cluster says), then the overrides and the name.
   */
  const runOrQueue = async (context: ExperimentActionContext, preferred: RunMode): Promise<void> => {
    const place = await chooseRunPlace(remote.targets.all, preferred, context.argument.where);
    if (!place) return;
    const mode = place.kind === 'target' ? 'queue' : place.mode;
    const overrides = await overridesOf(context, mode === 'now' ? 'run' : 'queue');
    if (!overrides) return;
    const name = await nameOf(context, mode === 'now' ? 'Run experiment: name' : 'Queue experiment: name');
    if (name === undefined) return;
    if (place.kind === 'target')
      return submitToRemoteTarget(actions, remote.runs, context, {
        target: place.target,
        overrides,
        name,
        pushConfirmed: context.argument.push === true,
      });
    return mode === 'now' ? runHere(context, overrides, name) : queueHere(context, overrides, name);
  };

  const runHere = async (
    context: ExperimentActionContext,
    overrides: readonly ParamOverride[],
    name: string,
  ): Promise<void> => {
    // Inputs not in the local cache (a fresh clone) are found before DVC starts, not 25 s into its failure.
    const repository = context.state.repository;
    const stages = repository.pipelines.flatMap((pipeline) => pipeline.stages.map((s) => s.qualifiedName));
    const decision = await checkRunInputs(repository, stages, true);
    if (decision === 'cancel') return;
    if (decision === 'pullAndRun')
      await vscode.commands.executeCommand(remoteCommandIds.pull, { root: repository.root });
    const title = `dvc exp run${name ? ` -n ${name}` : ''}`;
    await runKeepingParams(context.service.root, overrides, title, () =>
      actions.perform(
        context,
        title,
        (signal, onOutput) => submit(context, 'now', overrides, name, { signal, onOutput }),
        { streamed: true },
      ),
    );
  };

  const queueHere = async (
    context: ExperimentActionContext,
    overrides: readonly ParamOverride[],
    name: string,
  ): Promise<void> => {
    let queued = 0;
    await actions.perform(context, 'Queue experiments', async (signal, onOutput) => {
      queued = (await submit(context, 'queue', overrides, name, { signal, onOutput })).runs.length;
    });
    announceQueued(context, queued);
  };

  register(experimentCommandIds.runExperiment, (context) => runOrQueue(context, 'now'));
  register(experimentCommandIds.queueExperiment, (context) => runOrQueue(context, 'queue'));

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
