/**
 * Add, modify, rename, remove and choose the default remote. Names are checked before DVC runs; secrets go to
 * `.dvc/config.local` (RemotesService enforces it). Argument objects (`{ root, name, url, default }`,
 * `{ root, name, option, value }`, `{ root, name, newName }`, `{ root, name, confirmed }`) skip the prompts.
 */
import type { OutputLog } from '../log/outputLog';
import * as vscode from 'vscode';
import type { DvcRemote } from '../core/data/remoteList';
import { remoteNameProblem, remoteUrlProblem } from '../core/remotes/remoteName';
import { isSecretOption } from '../data';
import { booleanField, isConfirmed, stringField } from './commandArguments';
import { dvcSentence } from './dvcSentence';
import { REMOTES_STATE, type RemoteContext, type RepositoryServices } from './remoteContext';
import {
  pickRemote,
  promptMakeDefault,
  promptOption,
  promptOptionValue,
  promptRemoteName,
  promptRemoteUrl,
} from './remotePrompts';
import { remoteCommandIds } from './remoteCommandIds';

/** A remote a command acts on, with its repository's services and the other remotes. */
interface ChosenRemote {
  readonly services: RepositoryServices;
  readonly remote: DvcRemote;
  readonly all: readonly DvcRemote[];
}

export function registerRemoteConfigCommands(context: RemoteContext): void {
  const ids = remoteCommandIds;

  /** A configuration command: its change runs behind progress; a failure says DVC's sentence; the view reloads. */
  const command = (
    id: string,
    title: string,
    handler: (services: RepositoryServices, change: Change, argument: unknown) => Promise<void>,
  ): void =>
    context.command(
      id,
      {
        pickTitle: title,
        failure: (error, what) => `DVC Lens: ${what ?? title} failed: ${dvcSentence(error)}`,
        refreshes: [REMOTES_STATE],
      },
      (services, { progress, args }) =>
        handler(services, (what, work) => progress.run(what, (signal) => work(signal)), args[0]),
    );

  /** The remote the argument names, the only one, or a pick (offering to add one when there is none). */
  const chooseRemote = async (
    services: RepositoryServices,
    argument: unknown,
    title: string,
  ): Promise<ChosenRemote | undefined> => {
    const all = await services.remotes.list();
    const name = stringField(argument, 'name');
    if (name !== undefined) {
      const remote = all.find((candidate) => candidate.name === name);
      if (remote) return { services, remote, all };
      void vscode.window.showWarningMessage(`DVC Lens: there is no remote named '${name}'.`);
      return undefined;
    }
    if (all.length === 0) {
      await offerAddRemote(services);
      return undefined;
    }
    const remote = all.length === 1 ? all[0] : await pickRemote(all, title);
    return remote ? { services, remote, all } : undefined;
  };

  command(ids.addRemote, 'Add a remote to which repository?', async (services, change, argument) => {
    const taken = (await services.remotes.list()).map((remote) => remote.name);
    const name = stringField(argument, 'name') ?? (await promptRemoteName(taken, { title: 'Remote name' }));
    if (name === undefined) return;
    const problem = remoteNameProblem(name, taken);
    const url = problem ? undefined : (stringField(argument, 'url') ?? (await promptRemoteUrl()));
    if (problem) return void vscode.window.showErrorMessage(`DVC Lens: ${problem}`);
    if (url === undefined) return;
    const urlProblem = remoteUrlProblem(url);
    if (urlProblem) return void vscode.window.showErrorMessage(`DVC Lens: ${urlProblem}`);
    const makeDefault =
      booleanField(argument, 'default') ?? (await promptMakeDefault(name, taken.length === 0));
    if (makeDefault === undefined) return;
    await change(`adding remote '${name}'`, (signal) =>
      services.remotes.add(name, url, { default: makeDefault, signal }),
    );
  });

  command(ids.modifyRemote, 'Set an option of which remote?', async (services, change, argument) => {
    const chosen = await chooseRemote(services, argument, 'Set an option of which remote?');
    if (!chosen) return;
    const { remote } = chosen;
    const given = stringField(argument, 'option');
    const option =
      given !== undefined ? { name: given, secret: isSecretOption(given) } : await promptOption(remote);
    if (!option) return;
    const value =
      stringField(argument, 'value') ?? (await promptOptionValue(remote, option.name, option.secret));
    if (value === undefined) return;
    const local = option.secret || booleanField(argument, 'local') === true;
    const where = local ? '.dvc/config.local' : '.dvc/config';
    await change(`setting ${option.name} of '${remote.name}'`, (signal) =>
      services.remotes.modify(remote.name, option.name, value, { local, signal }),
    );
    void vscode.window.showInformationMessage(
      `DVC Lens: ${option.name} of '${remote.name}' is set in ${where}.`,
    );
  });

  command(ids.renameRemote, 'Rename which remote?', async (services, change, argument) => {
    const chosen = await chooseRemote(services, argument, 'Rename which remote?');
    if (!chosen) return;
    const { remote, all } = chosen;
    const taken = all.map((candidate) => candidate.name).filter((name) => name !== remote.name);
    const newName =
      stringField(argument, 'newName') ??
      (await promptRemoteName(taken, { title: `New name for '${remote.name}'`, value: remote.name }));
    if (newName === undefined || newName === remote.name) return;
    const problem = remoteNameProblem(newName, taken);
    if (problem) return void vscode.window.showErrorMessage(`DVC Lens: ${problem}`);
    await change(`renaming '${remote.name}' to '${newName}'`, (signal) =>
      services.remotes.rename(remote.name, newName, { signal }),
    );
  });

  command(ids.removeRemote, 'Remove which remote?', async (services, change, argument) => {
    const chosen = await chooseRemote(services, argument, 'Remove which remote?');
    if (!chosen) return;
    const { remote } = chosen;
    if (!isConfirmed(argument)) {
      const picked = await vscode.window.showWarningMessage(
        `Remove remote '${remote.name}'?`,
        {
          modal: true,
          detail:
            `DVC deletes '${remote.name}' (${remote.url}) from .dvc/config and its options, credentials included, from .dvc/config.local.` +
            (remote.isDefault ? ' The project will have no default remote.' : '') +
            ' The data stored in the remote itself is not touched.',
        },
        'Remove Remote',
      );
      if (picked !== 'Remove Remote') return;
    }
    await change(`removing remote '${remote.name}'`, async (signal) => {
      await services.remotes.remove(remote.name, { signal });
      // DVC leaves `core.remote` naming a remote that no longer exists; every later push would fail on it.
      if (remote.isDefault && (await services.remotes.defaultRemote(signal)) === remote.name)
        await services.remotes.setDefault(undefined, { signal });
    });
  });

  command(ids.setDefaultRemote, 'Make which remote the default?', async (services, change, argument) => {
    const chosen = await chooseRemote(services, argument, 'Make which remote the default?');
    if (!chosen || chosen.remote.isDefault) return;
    await change(`making '${chosen.remote.name}' the default remote`, (signal) =>
      chosen.services.remotes.setDefault(chosen.remote.name, { signal }),
    );
  });
}

/** Runs one configuration change behind progress; rejects when it failed or was cancelled. */
type Change = (title: string, work: (signal: AbortSignal) => Promise<void>) => Promise<void>;

/** No remote yet: say so and offer to add one. */
export async function offerAddRemote(services: RepositoryServices, log?: OutputLog): Promise<void> {
  const text = `DVC Lens: ${services.repository.workspaceFolder.name} has no DVC remote yet. A remote is where DVC stores data to share it (a folder, S3, SSH, HTTP…).`;
  log?.append(text);
  const picked = await vscode.window.showInformationMessage(text, 'Add Remote');
  if (picked === 'Add Remote')
    await vscode.commands.executeCommand(remoteCommandIds.addRemote, {
      root: services.repository.root,
    });
}
