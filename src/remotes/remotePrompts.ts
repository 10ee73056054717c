/** The questions the remote configuration commands ask, each one skippable by an argument object. */
import * as vscode from 'vscode';
import type { DvcRemote } from '../core/data/remoteList';
import { knownRemoteOptions } from '../core/remotes/remoteOptions';
import { remoteNameProblem, remoteUrlProblem } from '../core/remotes/remoteName';
import { isSecretOption } from '../data';

export async function promptRemoteName(
  taken: readonly string[],
  options: { readonly title: string; readonly value?: string },
): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: options.title,
    prompt: 'Letters, digits, "_", "-" and "."; no spaces.',
    value: options.value ?? (taken.length === 0 ? 'storage' : ''),
    validateInput: (value) => remoteNameProblem(value, taken),
  });
}

export async function promptRemoteUrl(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Remote URL',
    prompt: 'A folder path, or s3://…, gs://…, azure://…, ssh://…, https://…',
    placeHolder: '/mnt/shared/dvc-storage',
    ignoreFocusOut: true,
    validateInput: remoteUrlProblem,
  });
}

export async function promptMakeDefault(name: string, isFirst: boolean): Promise<boolean | undefined> {
  const yes = { label: `Make '${name}' the default remote`, value: true };
  const no = { label: 'Keep the current default', value: false };
  const picked = await vscode.window.showQuickPick(isFirst ? [yes, no] : [no, yes], {
    title: 'Push, pull and fetch use the default remote unless told otherwise',
  });
  return picked?.value;
}

/** A remote of the list, by a quick pick. */
export async function pickRemote(
  remotes: readonly DvcRemote[],
  title: string,
): Promise<DvcRemote | undefined> {
  const picked = await vscode.window.showQuickPick(
    remotes.map((remote) => ({
      label: remote.name,
      description: remote.isDefault ? `default · ${remote.url}` : remote.url,
      remote,
    })),
    { title },
  );
  return picked?.remote;
}

/** An option name: one the remote's type knows, or one typed in. Secret ones are marked. */
export async function promptOption(
  remote: DvcRemote,
): Promise<{ name: string; secret: boolean } | undefined> {
  const other = { label: '$(edit) Another option…', description: 'Type its name', name: '', secret: false };
  const items = knownRemoteOptions(remote.url).map((option) => {
    const secret = option.secret || isSecretOption(option.name);
    return {
      label: option.name,
      description: secret ? `${option.description} · secret: .dvc/config.local` : option.description,
      name: option.name,
      secret,
    };
  });
  const picked = await vscode.window.showQuickPick([...items, other], {
    title: `Set an option of remote '${remote.name}'`,
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  if (picked !== other) return { name: picked.name, secret: picked.secret };
  const typed = await vscode.window.showInputBox({
    title: `Option of remote '${remote.name}'`,
    prompt: 'As DVC names it, e.g. region, user, timeout',
    validateInput: (value) => (/^[A-Za-z0-9_]+$/.test(value) ? undefined : 'Letters, digits and "_" only.'),
  });
  return typed ? { name: typed, secret: isSecretOption(typed) } : undefined;
}

export async function promptOptionValue(
  remote: DvcRemote,
  option: string,
  secret: boolean,
): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: `${option} of remote '${remote.name}'`,
    prompt: secret
      ? `A secret: DVC Lens writes it to .dvc/config.local (git-ignored), never to the committed .dvc/config.`
      : `Written to .dvc/config, which is committed with the project.`,
    password: secret,
    ignoreFocusOut: true,
  });
}
