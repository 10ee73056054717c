import * as vscode from 'vscode';
import type { ParamOverride } from '../core/experiments/experimentOverrides';
import { paramsChangedMessage, paramsChangedWording } from '../core/experiments/paramsBeforeRun';
import { isCancellation } from '../repository/processes';
import { experimentFailureText } from './experimentActions';
import { KeptParamsFiles } from './paramsFileKeeper';

/**
 * Runs an experiment in the workspace with the bytes of the params files its overrides touch kept beforehand.
 * When the run fails (or is stopped) after DVC rewrote them, the error says which files DVC changed and its
 * button puts the kept bytes back, asking nothing more: it restores what the person had. A failure that left
 * the params files as they were goes to the command runtime's usual error.
 */
export async function runKeepingParams(
  root: string,
  overrides: readonly ParamOverride[],
  title: string,
  run: () => Promise<void>,
): Promise<void> {
  const kept = await KeptParamsFiles.keep(root, overrides);
  try {
    await run();
  } catch (error) {
    const cancelled = isCancellation(error);
    const changed = await kept.changed().catch(() => []);
    if (changed.length === 0) throw error;
    const wording = paramsChangedWording(changed, cancelled ? 'cancelled' : 'failed');
    const message = cancelled
      ? `DVC Lens: ${wording.sentence}`
      : paramsChangedMessage(experimentFailureText(error, title), wording);
    const show = cancelled ? vscode.window.showInformationMessage : vscode.window.showErrorMessage;
    void show(message, wording.action).then(async (picked) => {
      if (picked !== wording.action) return;
      try {
        await kept.restore(changed);
      } catch (restoreError) {
        void vscode.window.showErrorMessage(
          `DVC Lens: could not restore ${changed.join(', ')}: ${restoreError instanceof Error ? restoreError.message : String(restoreError)}`,
        );
      }
    });
    // A cancel stays a cancel for the runtime (which says nothing); a failure has been said here, with its action.
    if (cancelled) throw error;
  }
}
