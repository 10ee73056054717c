/**
 * Check What the Remote Lacks: one `dvc data status --not-in-remote` per repository (network: not part of the
 * automatic refreshes unless `dvcLens.data.checkRemote` is on), then a summary of what a push would send.
 */
import * as vscode from 'vscode';
import type { DvcCommandContext } from '../repository/command';
import { RemotesService } from './remotesService';
import { listPaths } from './dataCommandTargets';
import type { DataCommandContext } from './dataTools';
import { dvcErrorText } from './dvcErrorText';
import { showErrorWithLog } from '../ui/messages';
import { withCancellableProgress } from '../ui/progress';

/** Trust, the repository and DVC come from the command runtime (registerDataFeatures). */
export async function checkRemoteCommand(
  context: DataCommandContext,
  { repository, dvc }: DvcCommandContext,
): Promise<void> {
  const key = repository.root.toString();
  const remotes = new RemotesService(dvc, repository.scheduler);
  try {
    // Without a default remote DVC 3.67.1 reports every path as missing from it: say what is really wrong.
    const remote = await remotes.defaultRemote();
    if (remote === undefined) {
      void vscode.window.showWarningMessage(
        'DVC Lens: this repository has no default remote, so there is nothing to compare with. Add a remote (dvc remote add -d) first.',
      );
      return;
    }
    const outcome = await withCancellableProgress(`DVC Lens: asking remote ${remote} what it lacks`, () =>
      context.model.refreshStatus([key], { notInRemote: true }),
    );
    if (outcome.get(key) !== 'updated') {
      const error = context.model.repository(key)?.statusError;
      if (error) void showErrorWithLog(context.log, `DVC Lens: the remote could not be checked: ${error}`);
      return;
    }
    const status = context.model.repository(key)?.status;
    const outs = context.model.repository(key)?.data.outs ?? [];
    const missing = outs
      .filter((out) => status?.statesOf(out.path)?.includes('notInRemote'))
      .map((out) => out.path);
    void vscode.window.showInformationMessage(
      missing.length === 0
        ? `DVC Lens: remote ${remote} has every tracked version.`
        : `DVC Lens: remote ${remote} lacks ${listPaths(missing)}; a push would send ${
            missing.length === 1 ? 'it' : 'them'
          }. The Data view and the Explorer mark ${missing.length === 1 ? 'it' : 'them'} with R.`,
    );
  } catch (error) {
    void showErrorWithLog(context.log, `DVC Lens: the remote could not be checked: ${dvcErrorText(error)}`);
  }
}
