/**
 * "Where?" for Run Experiment, Queue Experiment and the grid: this machine, this machine's queue, or one of
 * the compute targets of `dvcLens.computeTargets`. Nobody is asked while no target is configured.
 */
import * as vscode from 'vscode';
import type { RemoteComputeTarget, RunMode } from '../../execution';

/** Where a person sent the experiment. */
export type RunPlace =
  | { readonly kind: 'thisMachine'; readonly mode: RunMode }
  | { readonly kind: 'target'; readonly target: RemoteComputeTarget };

/** The argument's `where` (tests, other commands): `thisMachine`, `queue`, or a target's name. */
export const THIS_MACHINE = 'thisMachine';
export const THIS_MACHINE_QUEUE = 'queue';

export interface WhereItem extends vscode.QuickPickItem {
  readonly place: RunPlace;
}

/** The pick's items: the command's own mode on this machine first, then the other, then the targets. */
export function whereItems(targets: readonly RemoteComputeTarget[], preferred: RunMode): WhereItem[] {
  const here: WhereItem = {
    label: 'This machine',
    description: 'dvc exp run in the workspace, now',
    iconPath: new vscode.ThemeIcon('vm'),
    place: { kind: 'thisMachine', mode: 'now' },
  };
  const queue: WhereItem = {
    label: "This machine's queue",
    description: 'dvc exp run --queue; queue workers run it',
    iconPath: new vscode.ThemeIcon('list-ordered'),
    place: { kind: 'thisMachine', mode: 'queue' },
  };
  const remote = targets.map((target): WhereItem => ({
    label: target.settings.name,
    description: target.settings.kind === 'slurm' ? 'Slurm cluster' : 'SSH host',
    detail: targetDetail(target),
    iconPath: new vscode.ThemeIcon(target.settings.kind === 'slurm' ? 'server-environment' : 'remote'),
    place: { kind: 'target', target },
  }));
  return [...(preferred === 'now' ? [here, queue] : [queue, here]), ...remote];
}

/** The place the argument names, or the one picked; this machine (in the command's mode) without targets. */
export async function chooseRunPlace(
  targets: readonly RemoteComputeTarget[],
  preferred: RunMode,
  given: string | undefined,
): Promise<RunPlace | undefined> {
  if (given === THIS_MACHINE) return { kind: 'thisMachine', mode: 'now' };
  if (given === THIS_MACHINE_QUEUE) return { kind: 'thisMachine', mode: 'queue' };
  if (given !== undefined) {
    const target = targets.find((candidate) => candidate.settings.name === given);
    if (target) return { kind: 'target', target };
    void vscode.window.showWarningMessage(
      `DVC Lens: no compute target named '${given}' in dvcLens.computeTargets. Nothing was submitted.`,
    );
    return undefined;
  }
  if (targets.length === 0) return { kind: 'thisMachine', mode: preferred };
  const picked = await vscode.window.showQuickPick(whereItems(targets, preferred), {
    title: preferred === 'now' ? 'Run the experiment where?' : 'Queue the experiments where?',
    placeHolder: 'This machine, its queue, or a compute target',
  });
  return picked?.place;
}

function targetDetail(target: RemoteComputeTarget): string {
  const settings = target.settings;
  if (settings.kind === 'ssh')
    return `${settings.ssh.user ? `${settings.ssh.user}@` : ''}${settings.ssh.host} · ${settings.workFolder}`;
  const parts = [
    settings.login ? `sbatch on ${settings.login.host}` : 'sbatch on this machine',
    settings.partition && `partition ${settings.partition}`,
    settings.gres,
    settings.workFolder,
  ];
  return parts.filter((part): part is string => Boolean(part)).join(' · ');
}
