import * as vscode from 'vscode';
import type { OutputLog } from '../log/outputLog';
import { withCancellableProgress } from '../ui/progress';
import { errorText, showErrorWithLog } from '../ui/messages';
import type { InitializeChoices, ProjectSetupServices } from './projectSetupServices';

interface OptionItem extends vscode.QuickPickItem {
  readonly option: 'git' | 'starter' | 'remote';
}

async function pickTargetFolder(argument: unknown): Promise<vscode.Uri | undefined> {
  if (argument instanceof vscode.Uri) return argument;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0]?.uri;
  if (folders.length > 1) {
    const picked = await vscode.window.showWorkspaceFolderPick({
      placeHolder: 'Folder to initialize as a DVC project',
    });
    return picked?.uri;
  }
  const chosen = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    openLabel: 'Initialize DVC project here',
  });
  return chosen?.[0];
}

async function pickChoices(folder: vscode.Uri, needsGit: boolean): Promise<InitializeChoices | undefined> {
  const items: OptionItem[] = [];
  if (needsGit) {
    items.push({
      option: 'git',
      label: 'Create a git repository (git init)',
      description: 'required: DVC versions its metadata with git',
      picked: true,
    });
  }
  items.push(
    {
      option: 'starter',
      label: 'Add a starter pipeline',
      description: 'params.yaml and one stage in dvc.yaml',
    },
    {
      option: 'remote',
      label: 'Add a default remote (local folder)',
      description: 'for dvc push and dvc pull',
    },
  );
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: `Initialize DVC project in ${vscode.workspace.asRelativePath(folder, false) || folder.fsPath}`,
    placeHolder: 'Pick the extras you want, then press Enter',
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  const has = (option: OptionItem['option']): boolean => picked.some((item) => item.option === option);
  let defaultRemotePath: string | undefined;
  if (has('remote')) {
    const remote = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      openLabel: 'Use as DVC remote',
      title: 'Folder for the default DVC remote',
    });
    if (!remote?.[0]) return undefined;
    defaultRemotePath = remote[0].fsPath;
  }
  return {
    initGit: has('git'),
    starterPipeline: has('starter'),
    ...(defaultRemotePath ? { defaultRemotePath } : {}),
  };
}

export async function askGitIdentity(services: ProjectSetupServices): Promise<boolean> {
  const name = await vscode.window.showInputBox({
    title: 'Git identity (saved in your global git config)',
    prompt: 'Your name for commits',
    ignoreFocusOut: true,
  });
  if (!name) return false;
  const email = await vscode.window.showInputBox({
    title: 'Git identity (saved in your global git config)',
    prompt: 'Your e-mail for commits',
    ignoreFocusOut: true,
  });
  if (!email) return false;
  await services.setGlobalGitIdentity(name, email);
  return true;
}

/**
 * "DVC Lens: Initialize Project": git init when needed, dvc init, optional starter pipeline and remote, and a
 * first commit of what it created. It checks first and never overwrites: an existing DVC project, staged
 * changes or a missing git identity stop it with a message and a way forward.
 */
export async function initializeProjectCommand(
  services: ProjectSetupServices,
  log: OutputLog,
  onInitialized: () => void,
  argument?: unknown,
): Promise<void> {
  const folder = await pickTargetFolder(argument);
  if (!folder) return;
  const name = folder.fsPath;
  let inspection = await services.inspect(name);
  if (inspection.isDvcRepository) {
    void vscode.window.showInformationMessage(
      `DVC Lens: ${name} is already a DVC project; nothing was changed.`,
    );
    return;
  }
  if (!inspection.hasGitIdentity) {
    const action = await showErrorWithLog(
      log,
      `DVC Lens: git has no user.name/user.email, so the first commit cannot be made in ${name}. Set them, then run Initialize Project again.`,
      'Set Git Identity…',
    );
    if (action !== 'Set Git Identity…' || !(await askGitIdentity(services))) return;
    inspection = await services.inspect(name);
  }
  if (inspection.isGitRepository && inspection.hasStagedChanges) {
    const action = await showErrorWithLog(
      log,
      `DVC Lens: ${name} has staged git changes. Commit or unstage them first: DVC Lens commits only the files it creates.`,
      'Open Source Control',
    );
    if (action === 'Open Source Control') await vscode.commands.executeCommand('workbench.view.scm');
    return;
  }
  const choices = await pickChoices(folder, !inspection.isGitRepository);
  if (!choices) return;
  if (!inspection.isGitRepository && !choices.initGit) {
    void showErrorWithLog(
      log,
      `DVC Lens: ${name} is not a git repository; DVC needs one. Pick "Create a git repository" to continue.`,
    );
    return;
  }
  try {
    const result = await withCancellableProgress(`DVC Lens: initializing ${name}`, (signal) =>
      services.initialize(name, choices, signal),
    );
    onInitialized();
    const commit = result.commit ? ` (commit ${result.commit.slice(0, 8)})` : '';
    void vscode.window.showInformationMessage(`DVC Lens: initialized a DVC project in ${name}${commit}.`);
  } catch (error) {
    await showErrorWithLog(log, `DVC Lens: could not initialize ${name}: ${errorText(error)}`);
  }
}
