/**
 * Push, Pull and Fetch: for everything or the selected targets, to the default remote, the remote a Remotes
 * view item names, or (without a default) one the person picks. A cancellable notification shows DVC's lines;
 * a summary names the remote; failures say which remote and URL, with Retry and Show Log.
 */
import type { OutputLog } from '../log/outputLog';
import * as vscode from 'vscode';
import { isCancellation, isProcessError } from '../repository/processes';
import type { DvcRemote } from '../core/data/remoteList';
import type { TransferSummary } from '../core/data/transferSummary';
import { transferMessage, type TransferKind, type TransferMessage } from '../core/remotes/transferMessage';
import { DataTransferError } from '../data';
import { errorText, showErrorWithLog } from '../ui/messages';
import type { CommandProgress } from '../repository/commandRuntime';
import { offerAddRemote } from './remoteConfigCommands';
import { DATA_STATE, type RemoteContext, type RepositoryServices } from './remoteContext';
import { pickRemote } from './remotePrompts';
import { transferFailureMessage } from './transferFailure';
import { resolveTransferRequest, type TransferRequest } from './transferTargets';
import { remoteCommandIds } from './remoteCommandIds';

/** What a transfer command resolves to (read by the extension-host suite). */
export interface TransferOutcome {
  readonly remote: string;
  readonly summary: TransferSummary;
  readonly message: TransferMessage;
}

const PROGRESS: Readonly<Record<TransferKind, string>> = {
  push: 'pushing to',
  pull: 'pulling from',
  fetch: 'fetching from',
};

export function registerTransferCommands(context: RemoteContext): void {
  const transfer = async (
    kind: TransferKind,
    first: unknown,
    second: unknown,
  ): Promise<TransferOutcome | undefined> => {
    const request = await resolveTransferRequest(
      context,
      first,
      second,
      `${kind} the data of which repository?`,
    );
    if (!request) return undefined;
    // Pull and fetch change the cache and workspace, push what the remote holds: the Data view shows all three.
    return context.runIn(request.repository, { refreshes: [DATA_STATE] }, async (services, { progress }) => {
      const remote = await chooseRemote(services, request.remote, kind, context.log);
      return remote ? run(kind, services, progress, request, remote) : undefined;
    });
  };

  const run = async (
    kind: TransferKind,
    services: RepositoryServices,
    progress: CommandProgress,
    request: TransferRequest,
    remote: DvcRemote,
  ): Promise<TransferOutcome | undefined> => {
    const what = request.targets.length > 0 ? ` (${request.targets.join(', ')})` : '';
    // Failures are said here, not by the runtime: they name the remote and offer Retry or a fix.
    try {
      const summary = await progress.run(`${PROGRESS[kind]} '${remote.name}'${what}`, (signal, report) =>
        services.data[kind]({
          targets: request.targets,
          remote: remote.name,
          signal,
          onOutput: (line) => {
            const text = line.trim();
            if (text.length > 0) report(text.length > 120 ? `${text.slice(0, 117)}…` : text);
          },
        }).finally(() => {
          // Data came into the cache (all of it, or what DVC could get before it failed): the views that read
          // from it do so at once, not after the person has answered a failure's message.
          if (kind !== 'push') services.repository.noteCacheFilled();
        }),
      );
      const message = transferMessage(kind, summary, remote.name);
      if (message.severity === 'info') void vscode.window.showInformationMessage(`DVC Lens: ${message.text}`);
      else void showErrorWithLogAsWarning(context, message.text);
      return { remote: remote.name, summary, message };
    } catch (error) {
      if (isCancellation(error)) {
        void vscode.window.showInformationMessage(
          `DVC Lens: ${kind} cancelled. What was already transferred stays; run it again to finish.`,
        );
        return undefined;
      }
      const output =
        error instanceof DataTransferError
          ? `${error.cause.stderr}\n${error.cause.stdout}`
          : isProcessError(error)
            ? `${error.stderr}\n${error.stdout}`
            : errorText(error);
      const failure = transferFailureMessage(kind, output, remote);
      const picked = await showErrorWithLog(context.log, failure.text, ...failure.actions);
      if (picked === 'Retry') return run(kind, services, progress, request, remote);
      if (picked === 'Add Remote')
        await vscode.commands.executeCommand(remoteCommandIds.addRemote, {
          root: services.repository.root,
        });
      if (picked === 'Modify Remote')
        await vscode.commands.executeCommand(remoteCommandIds.modifyRemote, {
          root: services.repository.root,
          name: remote.name,
        });
      return undefined;
    }
  };

  for (const kind of ['push', 'pull', 'fetch'] as const)
    context.registerTrusted(remoteCommandIds[kind], (first, second) => transfer(kind, first, second));
}

/**
 * The remote a transfer uses: the one asked for, else the default, else the only one, else a pick. With no
 * remote at all the person is offered to add one. Named explicitly (`-r`) so the summary can name it.
 */
async function chooseRemote(
  services: RepositoryServices,
  asked: string | undefined,
  kind: TransferKind,
  log: OutputLog,
): Promise<DvcRemote | undefined> {
  const remotes = await services.remotes.list();
  if (remotes.length === 0) {
    // Not awaited: the transfer is over (nothing to transfer to); the offer stays until the person answers.
    void offerAddRemote(services, log);
    return undefined;
  }
  if (asked !== undefined) {
    const found = remotes.find((remote) => remote.name === asked);
    if (!found) void vscode.window.showWarningMessage(`DVC Lens: there is no remote named '${asked}'.`);
    return found;
  }
  const chosen =
    remotes.find((remote) => remote.isDefault) ?? (remotes.length === 1 ? remotes[0] : undefined);
  return chosen ?? pickRemote(remotes, `${kind} with which remote? (no default remote is set)`);
}

async function showErrorWithLogAsWarning(context: RemoteContext, text: string): Promise<void> {
  context.log.append(text);
  const picked = await vscode.window.showWarningMessage(`DVC Lens: ${text}`, 'Show Log');
  if (picked === 'Show Log') context.log.show();
}
