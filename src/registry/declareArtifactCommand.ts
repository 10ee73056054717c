/**
 * "DVC Lens: Declare Artifact": adds the artifact under `artifacts:` of a dvc.yaml as a text insertion (the
 * rest of the file stays as written). Argument: `{ root?, name?, path?, type?, desc?, file? }` (tests).
 */
import * as vscode from 'vscode';
import { applyInsertion } from '../core/pipeline/addTopLevelPlot';
import { artifactNameProblem } from '../core/registry/gtoTagName';
import { declareArtifact } from '../core/registry/declaredArtifacts';
import { stringField } from '../remotes';
import type { RepositoryCommandContext } from '../repository/command';
import type { Repository } from '../repository/repository';

export async function declareArtifactCommand({
  repository,
  args,
}: RepositoryCommandContext<Repository>): Promise<vscode.Uri | undefined> {
  const argument = args[0];
  const name =
    stringField(argument, 'name') ??
    (await vscode.window.showInputBox({
      title: 'Declare Artifact',
      prompt: 'The artifact name (letters, digits, -, _)',
      validateInput: (value) =>
        value.includes(':') ? 'No folder here: pick the dvc.yaml next' : artifactNameProblem(value),
    }));
  if (!name) return undefined;
  const problem = artifactNameProblem(name);
  if (problem || name.includes(':'))
    throw new Error(problem ?? `'${name}' names a folder; pick the dvc.yaml instead.`);
  const path =
    stringField(argument, 'path') ??
    (await vscode.window.showInputBox({
      title: 'Declare Artifact',
      prompt: 'Its path (the model file or folder)',
    }));
  if (!path) return undefined;
  const type =
    stringField(argument, 'type') ??
    (await vscode.window.showQuickPick(['model', 'data', 'other'], { title: 'Its type' }));
  if (!type) return undefined;
  const desc = stringField(argument, 'desc') ?? (stringField(argument, 'path') ? '' : await askDescription());
  if (desc === undefined) return undefined;
  const files = repository.pipelines.map((pipeline) => pipeline.file);
  const file =
    stringField(argument, 'file') ??
    (files.length <= 1
      ? (files[0] ?? 'dvc.yaml')
      : await vscode.window.showQuickPick(files, { title: 'Declare it in which dvc.yaml?' }));
  if (!file) return undefined;
  const uri = vscode.Uri.joinPath(repository.root, file);
  const bytes = await vscode.workspace.fs.readFile(uri).then(undefined, () => new Uint8Array());
  const text = new TextDecoder().decode(bytes);
  const result = declareArtifact(text, { name, path, type, ...(desc ? { desc } : {}) });
  if (!result.ok) throw new Error(result.reason);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(applyInsertion(text, result.insertion)));
  return uri;
}

async function askDescription(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Declare Artifact',
    prompt: 'A description (optional)',
    value: '',
  });
}
