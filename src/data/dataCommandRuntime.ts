/** What every data command needs: trust, DVC, the repository's tools, progress with Cancel, errors with log. */
import * as vscode from 'vscode';
import { DvcCli } from '../cli/dvcCli';
import { GitCli } from '../cli/gitCli';
import { isCancellation } from '../cli/processError';
import type { OutputLog } from '../log/outputLog';
import type { RepositorySchedulers } from '../repository/repositorySchedulers';
import type { DvcLocator } from '../setup/dvcLocator';
import { isTrusted, restrictedModeMessage } from '../trust/workspaceTrust';
import { showErrorWithLog } from '../ui/messages';
import { withCancellableProgress } from '../ui/progress';
import { DataActions } from './dataActions';
import type { DataModel, DataRepository } from './dataModel';
import { DataService } from './dataService';
import { dvcErrorText } from './dvcErrorText';

export interface DataCommandContext {
  readonly model: DataModel;
  readonly schedulers: RepositorySchedulers;
  readonly locator: DvcLocator;
  readonly log: OutputLog;
}

/** The repository's DVC and git tools, all writing through its one write lane. */
export interface DataTools {
  readonly service: DataService;
  readonly actions: DataActions;
}

/** False (and says why) in Restricted Mode. */
export function ensureTrusted(): boolean {
  if (isTrusted()) return true;
  void vscode.window.showWarningMessage(restrictedModeMessage);
  return false;
}

export async function toolsFor(
  context: DataCommandContext,
  repository: DataRepository,
): Promise<DataTools | undefined> {
  const executable = await context.locator.ready();
  if (!executable) {
    await showErrorWithLog(
      context.log,
      'DVC Lens: DVC was not found, so nothing was changed. Choose a DVC executable or install DVC, then try again.',
    );
    return undefined;
  }
  const scheduler = context.schedulers.for(repository.root.fsPath);
  const cli = new DvcCli(executable, scheduler);
  const git = new GitCli(repository.root.fsPath, { log: context.log });
  return { service: new DataService(cli, scheduler, git), actions: new DataActions(cli, scheduler, git) };
}

/**
 * Runs a write behind a progress notification with Cancel. Resolves to its result, or `undefined` when it was
 * cancelled or failed (the failure is shown with DVC's sentence and "Show Log"). The repository is re-read
 * afterwards either way (a half-done write changes files too) before the command resolves.
 */
export async function runDataWrite<T>(
  context: DataCommandContext,
  repository: DataRepository,
  title: string,
  failure: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T | undefined> {
  try {
    return await withCancellableProgress(`DVC Lens: ${title}`, (signal) => work(signal));
  } catch (error) {
    // Not awaited: the message stays until dismissed, and the view must refresh meanwhile.
    if (!isCancellation(error))
      void showErrorWithLog(context.log, `DVC Lens: ${failure}: ${ensureSentence(dvcErrorText(error))}`);
    return undefined;
  } finally {
    await context.model.reload([repository.root.toString()]);
  }
}

function ensureSentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
