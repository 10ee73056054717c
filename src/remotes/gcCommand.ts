/**
 * Garbage collection: `dvc gc --workspace` with the scope the person picks, only after a modal confirmation
 * that says what is kept and what is deleted. Cleaning the remote too (`--cloud`) is a separate, explicit
 * button. `{ root, scope, cloud, confirmed: true }` skips the questions (extension-host suite).
 */
import * as vscode from 'vscode';
import {
  GC_SCOPES,
  gcMessage,
  gcScopeChoice,
  type GcRequest,
  type GcScope,
  type GcSummary,
} from '../core/remotes/garbageCollection';
import { booleanField, isConfirmed, stringField } from './commandArguments';
import { dvcSentence } from './dvcSentence';
import { DATA_STATE, REMOTES_STATE, type RemoteContext, type RepositoryServices } from './remoteContext';
import { remoteCommandIds } from './remoteCommandIds';

export function registerGcCommand(context: RemoteContext): void {
  context.command(
    remoteCommandIds.gc,
    {
      pickTitle: 'Collect garbage in which repository?',
      failure: (error) => `DVC Lens: garbage collection failed: ${dvcSentence(error)}`,
      refreshes: [REMOTES_STATE, DATA_STATE],
    },
    async (services, { args, progress }): Promise<GcSummary | undefined> => {
      const argument = args[0];
      const request = isConfirmed(argument) ? givenRequest(argument) : await askForRequest(services);
      if (!request) return undefined;
      const summary = await progress.run('collecting garbage', (signal, report) =>
        services.data.gc(request, signal, (line) => {
          if (line.trim().length > 0) report(line.trim());
        }),
      );
      void vscode.window.showInformationMessage(`DVC Lens: ${gcMessage(summary, request.cloud === true)}`);
      return summary;
    },
  );
}

function givenRequest(argument: unknown): GcRequest {
  const scope = stringField(argument, 'scope');
  const known = GC_SCOPES.find((choice) => choice.scope === scope)?.scope ?? 'workspace';
  return {
    scope: known,
    cloud: booleanField(argument, 'cloud') === true,
    remote: stringField(argument, 'remote'),
  };
}

async function askForRequest(services: RepositoryServices): Promise<GcRequest | undefined> {
  const picked = await vscode.window.showQuickPick(
    GC_SCOPES.map((choice) => ({
      label: choice.label,
      detail: `Keeps ${choice.keeps}.`,
      scope: choice.scope,
    })),
    { title: 'Garbage collection: what should the cache keep?', matchOnDetail: true },
  );
  if (!picked) return undefined;
  const scope: GcScope = picked.scope;
  const remotes = await services.remotes.list();
  const defaultRemote = remotes.find((remote) => remote.isDefault);
  const localOnly = 'Delete from Local Cache';
  const alsoRemote = defaultRemote ? `Also Delete from Remote '${defaultRemote.name}'` : undefined;
  const answer = await vscode.window.showWarningMessage(
    `Delete unused data from the DVC cache of ${services.repository.workspaceFolder.name}?`,
    {
      modal: true,
      detail:
        `Keeps ${gcScopeChoice(scope).keeps}.\n\n` +
        'Deletes every other object in the local cache (.dvc/cache). Data only those objects held cannot be ' +
        'restored unless a remote has it.' +
        (defaultRemote
          ? `\n\n"${alsoRemote ?? ''}" also deletes every other object from ${defaultRemote.url}, for everyone who shares that remote.`
          : ''),
    },
    ...[localOnly, ...(alsoRemote ? [alsoRemote] : [])],
  );
  if (answer === localOnly) return { scope };
  if (answer !== undefined && answer === alsoRemote && defaultRemote)
    return { scope, cloud: true, remote: defaultRemote.name };
  return undefined;
}
