/**
 * The guided Add Stage flow: input boxes for name and command, multi-select quick picks for dependencies and
 * params, free text for outputs, metrics and plots. Undefined when the user closes any step.
 */
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { paramKeysOf, paramsFormatOf } from '../../core/pipeline/analysis';
import type { Repository } from '../../repository/repository';
import { rootStageNames } from './stageLookup';
import {
  splitList,
  validateCommand,
  validateParam,
  validatePath,
  validateStageName,
  type StageDraft,
} from './stageDraft';

/** Folders that are never a stage's input: tooling, caches, environments. */
const excludedFromDeps =
  '{**/.git/**,**/.dvc/**,**/node_modules/**,**/__pycache__/**,**/.venv/**,**/venv/**}';
const maxWorkspaceFiles = 2000;
const steps = 7;

export async function promptStageDraft(repository: Repository): Promise<StageDraft | undefined> {
  const existing = rootStageNames(repository);
  const title = (step: number): string => `Add Stage (${step}/${steps})`;
  const name = await vscode.window.showInputBox({
    title: title(1),
    prompt: 'Name of the new stage (letters, digits, - and _)',
    validateInput: (value) => validateStageName(value, existing),
    ignoreFocusOut: true,
  });
  if (name === undefined) return undefined;
  const command = await vscode.window.showInputBox({
    title: title(2),
    prompt: 'Command DVC runs for the stage, from the repository folder',
    placeHolder: 'python3 src/train.py data/prepared model',
    validateInput: validateCommand,
    ignoreFocusOut: true,
  });
  if (command === undefined) return undefined;
  const deps = await pickMany(
    title(3),
    'Dependencies: what the command reads',
    await dependencyItems(repository),
  );
  if (deps === undefined) return undefined;
  const outs = await listInput(title(4), 'Outputs DVC caches, comma separated', 'model/model.json');
  if (outs === undefined) return undefined;
  const params = await pickMany(title(5), 'Params the stage depends on', await paramItems(repository));
  if (params === undefined) return undefined;
  const metrics = await listInput(title(6), 'Metrics files (optional), comma separated', 'metrics.json');
  if (metrics === undefined) return undefined;
  const plots = await listInput(title(7), 'Plots files (optional), comma separated', 'plots/loss.csv');
  if (plots === undefined) return undefined;
  return { name, command, deps, outs, params, metrics, plots };
}

async function pickMany(
  title: string,
  placeHolder: string,
  items: readonly vscode.QuickPickItem[],
): Promise<string[] | undefined> {
  // An empty list is a valid answer (no deps, no params): skip the pick instead of showing nothing.
  if (items.length === 0) return [];
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder,
    canPickMany: true,
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  return picked?.map((item) => item.label);
}

async function listInput(title: string, prompt: string, placeHolder: string): Promise<string[] | undefined> {
  const text = await vscode.window.showInputBox({
    title,
    prompt,
    placeHolder,
    ignoreFocusOut: true,
    validateInput: (value) =>
      splitList(value)
        .map(validatePath)
        .find((problem) => problem !== undefined),
  });
  return text === undefined ? undefined : splitList(text);
}

/** Outputs of the existing stages first (the usual inputs of a new stage), then the workspace's files. */
async function dependencyItems(repository: Repository): Promise<vscode.QuickPickItem[]> {
  const items: vscode.QuickPickItem[] = [];
  const seen = new Set<string>();
  const add = (path: string, description: string): void => {
    if (seen.has(path) || validatePath(path) !== undefined) return;
    seen.add(path);
    items.push({ label: path, description });
  };
  for (const pipeline of repository.pipelines) {
    const folder = posix.dirname(pipeline.file);
    for (const stage of pipeline.stages)
      for (const item of stage.items)
        if ((item.kind === 'out' || item.kind === 'metric' || item.kind === 'plot') && item.path)
          add(posix.join(folder, item.path), `output of ${stage.qualifiedName}`);
  }
  if (items.length > 0) items.push({ label: 'Files', kind: vscode.QuickPickItemKind.Separator });
  const files = await vscode.workspace.findFiles(
    new vscode.RelativePattern(repository.root, '**/*'),
    excludedFromDeps,
    maxWorkspaceFiles,
  );
  const rootPrefix = `${repository.root.path}/`;
  const paths = files
    .map((uri) => uri.path)
    .filter((path) => path.startsWith(rootPrefix))
    .map((path) => path.slice(rootPrefix.length))
    .sort();
  for (const path of paths) {
    // A `.dvc` file stands for the data it tracks, which may be ignored by git and absent from the search.
    if (path.endsWith('.dvc')) add(path.slice(0, -'.dvc'.length), 'tracked by DVC');
    else if (!/(^|\/)(dvc\.yaml|dvc\.lock|\.gitignore|\.dvcignore)$/.test(path)) add(path, '');
  }
  return items;
}

/** Keys of the root params.yaml as `key`, keys of other params files the stages use as `file:key`. */
async function paramItems(repository: Repository): Promise<vscode.QuickPickItem[]> {
  const files = new Set<string>(['params.yaml']);
  for (const pipeline of repository.pipelines)
    if (pipeline.file === 'dvc.yaml')
      for (const stage of pipeline.stages)
        for (const item of stage.items) if (item.kind === 'param' && item.path) files.add(item.path);
  const items: vscode.QuickPickItem[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = new TextDecoder().decode(
        await vscode.workspace.fs.readFile(vscode.Uri.joinPath(repository.root, file)),
      );
    } catch {
      continue;
    }
    for (const key of paramKeysOf(text, paramsFormatOf(file))) {
      const label = file === 'params.yaml' ? key : `${file}:${key}`;
      if (validateParam(label) === undefined) items.push({ label, description: file });
    }
  }
  return items;
}
