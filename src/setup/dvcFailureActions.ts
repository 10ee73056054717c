/**
 * What the buttons of a translated DVC failure do (issue 13): Pull brings the repository's data in, "Install
 * dvc-s3" installs the plugin into the environment DVC runs from, "Set Git Identity" asks for a name and an
 * e-mail. Retry is the command runtime's own (it runs the command again).
 */
import * as vscode from 'vscode';
import type { DvcFailureAction } from '../core/dvcFailure/explainDvcFailure';
import type { OutputLog } from '../log/outputLog';
import type { CommandRunner } from '../repository/processes';
import type { Repository } from '../repository/repository';
import { errorText, showErrorWithLog } from '../ui/messages';
import { withCancellableProgress } from '../ui/progress';
import { dvcEnvironmentPython } from './dvcEnvironmentPython';
import type { DvcLocator } from './dvcLocator';
import { askGitIdentity } from './initializeProjectCommand';
import type { ProjectSetupServices } from './projectSetupServices';

export interface DvcFailureActionDependencies {
  readonly runner: CommandRunner;
  readonly log: OutputLog;
  readonly locator: DvcLocator;
  readonly setup: ProjectSetupServices;
  /** Runs the Pull command for the repository (its id belongs to the remotes feature). */
  readonly pull: (repository: Repository) => Thenable<unknown>;
}

export function dvcFailureActions(deps: DvcFailureActionDependencies) {
  return async (
    repository: Repository,
    action: Exclude<DvcFailureAction, { kind: 'retry' }>,
  ): Promise<void> => {
    switch (action.kind) {
      case 'pull':
        await deps.pull(repository);
        return;
      case 'setGitIdentity':
        if (await askGitIdentity(deps.setup))
          void vscode.window.showInformationMessage('DVC Lens: git identity set. Run the command again.');
        return;
      case 'installPlugin':
        await installPlugin(deps, action.packageName);
        return;
    }
  };
}

async function installPlugin(deps: DvcFailureActionDependencies, packageName: string): Promise<void> {
  const executable = await deps.locator.ready();
  const python = executable && (await dvcEnvironmentPython(executable));
  if (!python) {
    void vscode.window.showWarningMessage(
      `DVC Lens: no Python was found next to ${executable?.command ?? 'DVC'}. Install ${packageName} into the environment DVC runs from (pip install ${packageName}).`,
    );
    return;
  }
  try {
    await withCancellableProgress(`DVC Lens: installing ${packageName} for DVC`, (signal, report) =>
      deps.runner.run(
        {
          file: python,
          args: ['-m', 'pip', 'install', '--disable-pip-version-check', '--progress-bar', 'off', packageName],
          cwd: repositoryNeutralFolder(python),
        },
        { signal, onOutput: (line) => (deps.log.append(line), report(line.slice(0, 100))) },
      ),
    );
    void vscode.window.showInformationMessage(
      `DVC Lens: ${packageName} is installed where DVC runs (${python}). Run the command again.`,
    );
  } catch (error) {
    void showErrorWithLog(deps.log, `DVC Lens: installing ${packageName} failed: ${errorText(error)}`);
  }
}

/** pip runs from the interpreter's folder: never from a workspace whose files could shadow its modules. */
function repositoryNeutralFolder(python: string): string {
  return vscode.Uri.joinPath(vscode.Uri.file(python), '..').fsPath;
}
