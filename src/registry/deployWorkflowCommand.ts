/**
 * "DVC Lens: Create Deploy Workflow": writes `.github/workflows/<name>.yml` (and, on request, `.gitlab-ci.yml`)
 * at the top of the git repository, run by GTO stage tags. An existing file is replaced only after a modal
 * confirmation (or `confirmed: true`). Argument: `{ root?, name?, stages?, secrets?, gitlab?, confirmed? }`.
 */
import { relative } from 'node:path';
import * as vscode from 'vscode';
import {
  deployGithubWorkflowYaml,
  deployGitlabCiYaml,
  deployOptionsProblem,
  type DeployWorkflowOptions,
} from '../core/registry/deployWorkflow';
import { booleanField, isRecord, stringField } from '../remotes';
import type { RepositoryCommandContext } from '../repository/command';
import type { Repository } from '../repository/repository';
import { askGitlabToo, githubWorkflowUri, writeWorkflowFiles, type WorkflowFile } from '../ui/workflowFiles';
import type { RegistryStore } from './registryStore';

export async function createDeployWorkflowCommand(
  store: RegistryStore,
  { repository, git, args }: RepositoryCommandContext<Repository>,
): Promise<vscode.Uri[] | undefined> {
  const argument = args[0];
  const name =
    stringField(argument, 'name') ??
    (await vscode.window.showInputBox({
      title: 'Create Deploy Workflow',
      prompt: 'The workflow name',
      value: 'deploy-model',
    }));
  if (!name) return undefined;
  const known = store.get(repository.root)?.state?.stages ?? [];
  const stages = stringList(argument, 'stages') ?? (await askStages(known));
  if (!stages || stages.length === 0) return undefined;
  const secrets =
    stringList(argument, 'secrets') ??
    (
      await vscode.window.showInputBox({
        title: 'Create Deploy Workflow',
        prompt: 'Secret names the deploy step needs, comma-separated (referenced, never stored)',
        value: 'DEPLOY_TOKEN',
      })
    )
      ?.split(',')
      .map((secret) => secret.trim())
      .filter((secret) => secret.length > 0);
  if (!secrets) return undefined;
  const gitlab = booleanField(argument, 'gitlab') ?? (isRecord(argument) ? false : await askGitlabToo());
  if (gitlab === undefined) return undefined;
  const gitRoot = await git.repositoryRoot();
  const folder = relative(gitRoot, repository.root.fsPath).split('\\').join('/');
  const options: DeployWorkflowOptions = {
    name,
    stages,
    deploySecrets: secrets,
    ...(folder ? { workingDirectory: folder } : {}),
  };
  const problem = deployOptionsProblem(options);
  if (problem) throw new Error(`no workflow was written: ${problem}.`);
  const top = vscode.Uri.file(gitRoot);
  const files: WorkflowFile[] = [
    { uri: githubWorkflowUri(top, name, 'deploy-model'), text: deployGithubWorkflowYaml(options) },
    ...(gitlab
      ? [{ uri: vscode.Uri.joinPath(top, '.gitlab-ci.yml'), text: deployGitlabCiYaml(options) }]
      : []),
  ];
  if (!(await writeWorkflowFiles(files, booleanField(argument, 'confirmed') === true))) return undefined;
  const first = files[0];
  if (first && !isRecord(argument)) await vscode.window.showTextDocument(first.uri, { preview: false });
  return files.map((file) => file.uri);
}

function stringList(argument: unknown, key: string): string[] | undefined {
  if (!isRecord(argument)) return undefined;
  const value = argument[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

async function askStages(known: readonly string[]): Promise<string[] | undefined> {
  const stages = [...new Set(['prod', ...known])];
  const picked = await vscode.window.showQuickPick(
    stages.map((stage) => ({ label: stage, picked: stage === 'prod' })),
    { title: 'Deploy when which stage is assigned?', canPickMany: true },
  );
  return picked?.map((item) => item.label);
}
