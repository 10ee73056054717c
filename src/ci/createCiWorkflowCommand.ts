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
import {
  askGitlabToo,
  fileExists,
  githubWorkflowUri,
  writeWorkflowFiles,
  type WorkflowFile,
} from '../ui/workflowFiles';

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
  const gitlab = booleanField(argument, 'gitlab') ?? (isRecord(argument) ? false : await askGitlabToo());
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
    ...((await fileExists(vscode.Uri.joinPath(repository.root, 'requirements.txt')))
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
  const files: WorkflowFile[] = [
    { uri: githubWorkflowUri(top, name, 'dvc-report'), text: githubWorkflowYaml(options) },
    ...(gitlab ? [{ uri: vscode.Uri.joinPath(top, '.gitlab-ci.yml'), text: gitlabCiYaml(options) }] : []),
  ];
  const confirmed = isRecord(argument) && argument.confirmed === true;
  if (!(await writeWorkflowFiles(files, confirmed))) return undefined;
  log.append(`Wrote ${files.map((file) => file.uri.fsPath).join(', ')}`);
  const first = files[0];
  if (first) await vscode.window.showTextDocument(first.uri, { preview: false });
  return files.map((file) => file.uri);
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
