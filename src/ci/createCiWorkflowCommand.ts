/**
 * "DVC Lens: Create CI Workflow": writes `.github/workflows/<name>.yml` (and, on request, `.gitlab-ci.yml`)
 * at the top of the git repository, with the default DVC remote's extras and credential names. An existing
 * file is only replaced after a modal confirmation (or `confirmed: true` from tests).
 * Argument: `{ root?: Uri, name?: string, gitlab?: boolean, mainBranch?: string, confirmed?: boolean }`;
 * resolves to the files written.
 */
import { relative } from 'node:path';
import * as vscode from 'vscode';
import { ciMainBranchSetting } from '../config/settings';
import { githubWorkflowYaml } from '../core/ciWorkflow/githubWorkflow';
import { gitlabCiYaml } from '../core/ciWorkflow/gitlabCi';
import {
  ciOptionsProblem,
  remoteRequirements,
  type CiWorkflowOptions,
} from '../core/ciWorkflow/ciWorkflowOptions';
import { RemotesService } from '../data';
import type { OutputLog } from '../log/outputLog';
import type { RepositoryCommandContext } from '../repository/command';
import type { Repository } from '../repository/repository';
import { booleanField, isRecord, stringField } from '../remotes';
import { errorText, showErrorWithLog } from '../ui/messages';

/** How the runtime runs Create CI Workflow (DVC only adds the default remote's needs, so it is optional). */
export const createCiWorkflowOptions = {
  pickTitle: 'Create a CI workflow for which repository?',
  failure: (error: unknown) => `DVC Lens: the CI workflow was not written: ${errorText(error)}`,
} as const;

export async function createCiWorkflowCommand(
  log: OutputLog,
  { repository, dvc, git, args }: RepositoryCommandContext<Repository>,
): Promise<vscode.Uri[] | undefined> {
  const argument = args[0];
  const name = stringField(argument, 'name') ?? (await askName());
  if (!name) return undefined;
  const gitlab = booleanField(argument, 'gitlab') ?? (isRecord(argument) ? false : await askGitlab());
  if (gitlab === undefined) return undefined;
  const gitRoot = await git.repositoryRoot();
  const folder = relative(gitRoot, repository.root.fsPath).split('\\').join('/');
  const remoteUrl = dvc
    ? (await new RemotesService(dvc, repository.scheduler).list().catch(() => [])).find(
        (remote) => remote.isDefault,
      )?.url
    : undefined;
  const { extras, secretEnv } = remoteRequirements(remoteUrl);
  const options: CiWorkflowOptions = {
    name,
    mainBranch: stringField(argument, 'mainBranch') ?? ciMainBranchSetting(),
    dvcExtras: extras,
    secretEnv,
    ...((await exists(vscode.Uri.joinPath(repository.root, 'requirements.txt')))
      ? { requirementsFile: 'requirements.txt' }
      : {}),
    ...(folder ? { workingDirectory: folder } : {}),
  };
  const problem = ciOptionsProblem(options);
  if (problem) {
    void showErrorWithLog(log, `DVC Lens: no workflow was written: ${problem}.`);
    return undefined;
  }
  const top = vscode.Uri.file(gitRoot);
  const files: Array<{ uri: vscode.Uri; text: string }> = [
    {
      uri: vscode.Uri.joinPath(top, '.github', 'workflows', `${fileName(name)}.yml`),
      text: githubWorkflowYaml(options),
    },
    ...(gitlab ? [{ uri: vscode.Uri.joinPath(top, '.gitlab-ci.yml'), text: gitlabCiYaml(options) }] : []),
  ];
  const confirmed = isRecord(argument) && argument.confirmed === true;
  const existing = [];
  for (const file of files) if (await exists(file.uri)) existing.push(file.uri);
  if (existing.length > 0 && !confirmed && !(await confirmOverwrite(existing))) return undefined;
  for (const file of files)
    await vscode.workspace.fs.writeFile(file.uri, new TextEncoder().encode(file.text));
  log.append(`Wrote ${files.map((file) => file.uri.fsPath).join(', ')}`);
  const first = files[0];
  if (first) await vscode.window.showTextDocument(first.uri, { preview: false });
  return files.map((file) => file.uri);
}

function fileName(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'dvc-report'
  );
}

async function askName(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Create CI Workflow',
    prompt: 'The workflow name (the file is .github/workflows/<name>.yml)',
    value: 'dvc-report',
    validateInput: (value) =>
      /^[\w.\- ]+$/.test(value) ? undefined : 'Letters, digits, spaces, dots, dashes',
  });
}

async function askGitlab(): Promise<boolean | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'GitHub Actions', gitlab: false },
      { label: 'GitHub Actions and a GitLab CI job', gitlab: true },
    ],
    { title: 'Which CI?' },
  );
  return picked?.gitlab;
}

async function confirmOverwrite(existing: readonly vscode.Uri[]): Promise<boolean> {
  const names = existing.map((uri) => vscode.workspace.asRelativePath(uri)).join(', ');
  const picked = await vscode.window.showWarningMessage(
    `Replace ${names}?`,
    {
      modal: true,
      detail: 'The file exists; its current content will be lost (git keeps committed versions).',
    },
    'Replace',
  );
  return picked === 'Replace';
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
