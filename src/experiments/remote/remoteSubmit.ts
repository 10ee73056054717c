/**
 * Sending an experiment (or a grid) to a compute target beyond this machine: the preflight first (is the
 * baseline on the git remote, its data on the DVC remote?), a push only after the person said so, then the
 * target's submit, and the runs go to the remote run store, which shows them as rows and polls them.
 */
import * as vscode from 'vscode';
import { decidePreflight } from '../../core/execution/remotePreflight';
import { experimentRunRequest, type RemoteComputeTarget } from '../../execution';
import type { ParamOverride } from '../../core/experiments/experimentOverrides';
import type { ExperimentActionContext, ExperimentActions } from '../experimentActions';
import { pushMissing, readPreflightFacts, type PreflightRepository } from './remotePreflightCheck';
import type { RemoteRunStore } from './remoteRunStore';

export const PUSH_AND_SUBMIT = 'Push and Submit';

/** What the run commands pass besides the context: what to run, and the argument's answers for tests. */
export interface RemoteSubmitRequest {
  readonly target: RemoteComputeTarget;
  readonly overrides: readonly ParamOverride[];
  readonly name: string;
  /** The argument said `push: true`: push what is missing without asking (tests; never by default). */
  readonly pushConfirmed: boolean;
}

export async function submitToRemoteTarget(
  actions: ExperimentActions,
  runs: RemoteRunStore,
  context: ExperimentActionContext,
  request: RemoteSubmitRequest,
): Promise<void> {
  const { target } = request;
  const repository: PreflightRepository = {
    git: context.runtime.git,
    dvc: context.runtime.dvc,
    scheduler: context.runtime.repository.scheduler,
  };
  const gitRemote = target.settings.gitRemote ?? 'origin';
  const decision = await context.runtime.progress.run(
    `Checking that ${target.settings.name} can reach the baseline and its data`,
    async (signal) => decidePreflight(await readPreflightFacts(repository, gitRemote, signal)),
  );
  if (decision.kind === 'blocked') {
    void vscode.window.showWarningMessage(`DVC Lens: ${decision.message} Nothing was submitted.`);
    return;
  }
  if (decision.kind === 'push') {
    const answer = request.pushConfirmed
      ? PUSH_AND_SUBMIT
      : await vscode.window.showWarningMessage(
          `DVC Lens: ${decision.missing} ${target.settings.name} clones and pulls from there, so the run would fail.`,
          { modal: true, detail: pushDetail(decision.gitPush, decision.dataPush) },
          PUSH_AND_SUBMIT,
        );
    if (answer !== PUSH_AND_SUBMIT) return;
    await actions.perform(context, 'Push for the remote run', (signal, onOutput) =>
      pushMissing(repository, decision, {
        signal,
        onOutput,
        report: (step) => context.runtime.progress.report(step),
      }),
    );
  }
  const submitted: { count: number; ids: string[] } = { count: 0, ids: [] };
  await actions.perform(context, `Submit to ${target.settings.name}`, async (signal, onOutput) => {
    const submission = await target.submit(experimentRunRequest('queue', request.overrides, request.name), {
      experiments: context.service,
      signal,
      onOutput,
    });
    await runs.add(submission.runs);
    submitted.count = submission.runs.length;
    submitted.ids = submission.runs.map((run) => run.id);
  });
  if (!context.argument.confirmed)
    void vscode.window.showInformationMessage(
      `DVC Lens: ${submitted.count} run${submitted.count === 1 ? '' : 's'} submitted to ${target.settings.name} (${target.settings.kind === 'slurm' ? 'job' : 'run'} ${submitted.ids.join(', ')}). They show in the Experiments view and come back as experiments when they succeed.`,
    );
}

function pushDetail(
  gitPush: { readonly remote: string; readonly branch: string } | undefined,
  dataPush: boolean,
): string {
  const steps = [
    gitPush && `git push ${gitPush.remote} ${gitPush.branch}`,
    dataPush && 'dvc push (to the default DVC remote)',
  ].filter((step): step is string => Boolean(step));
  return `Push and Submit runs ${steps.join(', then ')}, then submits.`;
}
