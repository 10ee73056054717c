/**
 * Compute targets beyond this machine and their runs, wired into the experiments feature: the setting's
 * targets registered in ComputeTargets, the remote run store, and the commands on targets and runs.
 */
import * as vscode from 'vscode';
import type { ComputeTargets } from '../../execution';
import type { DisposableStore } from '../../lifecycle/disposableStore';
import type { OutputLog } from '../../log/outputLog';
import type { RepositoryCommands } from '../../repository/command';
import type { CommandRunner } from '../../repository/processes';
import { withCancellableProgress } from '../../ui/progress';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';
import type { ExperimentsStore } from '../experimentsStore';
import { registerComputeTargetCommands } from './computeTargetCommands';
import { registerRemoteRunCommands } from './remoteRunCommands';
import { RemoteRunStore } from './remoteRunStore';
import { remoteTargetFactory } from './remoteTargetFactory';
import { RemoteTargetsSetting } from './remoteTargetsSetting';

export interface RemoteRuns {
  /** `dvcLens.computeTargets`, read and registered. */
  readonly targets: RemoteTargetsSetting;
  /** The runs sent to them, per workspace. */
  readonly runs: RemoteRunStore;
}

export function registerRemoteRuns(deps: {
  readonly disposables: DisposableStore;
  readonly context: vscode.ExtensionContext;
  readonly repositories: WorkspaceRepositories;
  readonly commands: RepositoryCommands;
  readonly log: OutputLog;
  readonly store: ExperimentsStore;
  readonly computeTargets: ComputeTargets;
  readonly runner: CommandRunner;
}): RemoteRuns {
  const { disposables, repositories, store, log } = deps;
  const targets = disposables.register(
    new RemoteTargetsSetting(deps.computeTargets, remoteTargetFactory(deps.runner), log),
  );
  const runs = disposables.register(
    new RemoteRunStore({
      memento: deps.context.workspaceState,
      targets,
      experimentsOf: (root) => {
        const repository = repositories.repositoryAt(rootUri(root));
        return repository ? store.serviceFor(repository) : undefined;
      },
      refreshExperiments: (root) => store.refresh(rootUri(root).toString()),
      log,
      withProgress: (title, task) =>
        Promise.resolve(withCancellableProgress(`DVC Lens: ${title}`, (signal) => task(signal))),
    }),
  );
  registerComputeTargetCommands(deps.commands, targets, log);
  disposables.register(registerRemoteRunCommands(deps.commands, runs, log));
  return { targets, runs };
}

/** A record's root (the file system path the execution layer keeps; a URI string is taken as one) as the hub's URI. */
function rootUri(root: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(root) ? vscode.Uri.parse(root) : vscode.Uri.file(root);
}
