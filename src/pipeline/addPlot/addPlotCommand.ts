/**
 * "DVC Lens: Add Plot to Pipeline…": a data file (the Explorer's, or picked), its x and y fields and a
 * template, written into the repository's dvc.yaml as a top-level plot. The edit goes through the editor
 * (undo works, unsaved edits of dvc.yaml are kept and built upon) and is saved; nothing runs.
 */
import * as vscode from 'vscode';
import { addTopLevelPlot, type PlotDefinition } from '../../core/pipeline/addTopLevelPlot';
import { plotDataFields } from '../../core/pipeline/plotDataFields';
import type { DisposableStore } from '../../lifecycle/disposableStore';
import type { OutputLog } from '../../log/outputLog';
import type { Repository } from '../../repository/repository';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';
import { isInside, relativePath } from '../../repository/workspaceScan';
import { pipelineCommandIds } from '../pipelineCommandIds';

/** DVC's built-in templates, the most used first. */
const templates = [
  ['linear', 'Lines: y over x'],
  ['simple', 'Lines without the interactive extras'],
  ['scatter', 'Points'],
  ['smooth', 'Lines with a smoothing slider'],
  ['confusion', 'Confusion matrix (x: actual, y: predicted)'],
  ['confusion_normalized', 'Confusion matrix, normalized per row'],
  ['bar_horizontal', 'Horizontal bars'],
  ['bar_horizontal_sorted', 'Horizontal bars, sorted'],
] as const;

const ROW_INDEX = '(row index)';

interface AddPlotArgument {
  readonly uri: vscode.Uri | undefined;
  /** From tests and other features: answers that skip the pickers. */
  readonly x?: string;
  readonly y?: readonly string[];
  readonly template?: string;
  readonly title?: string;
}

function readArgument(argument: unknown): AddPlotArgument {
  if (argument instanceof vscode.Uri) return { uri: argument };
  if (typeof argument !== 'object' || argument === null) return { uri: undefined };
  const record = argument as Record<string, unknown>;
  const root = record.root instanceof vscode.Uri ? record.root : undefined;
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  const file = text(record.file);
  return {
    uri: root && file ? vscode.Uri.joinPath(root, file) : undefined,
    x: text(record.x),
    y: Array.isArray(record.y)
      ? record.y.filter((item): item is string => typeof item === 'string')
      : undefined,
    template: text(record.template),
    title: text(record.title),
  };
}

async function pickDataFile(repositories: WorkspaceRepositories): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: 'Add which data file as a plot?',
    canSelectMany: false,
    defaultUri: repositories.repositories[0]?.root,
    filters: { 'Plot data': ['json', 'csv', 'tsv', 'yaml', 'yml'] },
  });
  return picked?.[0];
}

async function askDefinition(file: string, fields: readonly string[]): Promise<PlotDefinition | undefined> {
  const x = await vscode.window.showQuickPick([ROW_INDEX, ...fields], {
    title: `Plot ${file}: which field is x?`,
    placeHolder: 'The row index (DVC calls it step) when none fits',
  });
  if (x === undefined) return undefined;
  const y = await vscode.window.showQuickPick(
    fields.filter((field) => field !== x),
    { title: `Plot ${file}: which fields are y?`, canPickMany: true },
  );
  if (!y || y.length === 0) return undefined;
  const template = await vscode.window.showQuickPick(
    templates.map(([label, detail]) => ({ label, detail })),
    { title: `Plot ${file}: which template?` },
  );
  if (!template) return undefined;
  return { file, x: x === ROW_INDEX ? undefined : x, y, template: template.label };
}

export async function addPlotCommand(
  repositories: WorkspaceRepositories,
  log: OutputLog,
  argument?: unknown,
): Promise<void> {
  const given = readArgument(argument);
  const uri = given.uri ?? (await pickDataFile(repositories));
  if (!uri) return;
  const repository = repositories.repositories
    .filter((candidate: Repository) => isInside(uri, candidate.root))
    .sort((a, b) => b.root.path.length - a.root.path.length)[0];
  if (!repository) {
    void vscode.window.showWarningMessage(
      `DVC Lens: ${vscode.workspace.asRelativePath(uri)} is not inside a DVC repository.`,
    );
    return;
  }
  const file = relativePath(repository.root, uri);
  const fields = plotDataFields(file, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
  if (!fields.ok) {
    log.append(`DVC Lens: cannot add a plot: ${fields.reason}`);
    void vscode.window.showWarningMessage(`DVC Lens: ${fields.reason}`);
    return;
  }
  const definition: PlotDefinition | undefined = given.y
    ? { file, x: given.x, y: given.y, template: given.template, title: given.title }
    : await askDefinition(file, fields.fields);
  if (!definition) return;
  const unknown = definition.y.filter((field) => !fields.fields.includes(field));
  if (unknown.length > 0) {
    void vscode.window.showWarningMessage(`DVC Lens: ${file} has no field ${unknown.join(', ')}.`);
    return;
  }
  await writePlot(repository.root, definition, log);
}

async function writePlot(root: vscode.Uri, definition: PlotDefinition, log: OutputLog): Promise<void> {
  const dvcYaml = vscode.Uri.joinPath(root, 'dvc.yaml');
  const exists = await vscode.workspace.fs.stat(dvcYaml).then(
    () => true,
    () => false,
  );
  if (!exists) await vscode.workspace.fs.writeFile(dvcYaml, new Uint8Array());
  const document = await vscode.workspace.openTextDocument(dvcYaml);
  const result = addTopLevelPlot(document.getText(), definition);
  if (!result.ok) {
    log.append(`DVC Lens: cannot add the plot of ${definition.file}: ${result.reason}`);
    void vscode.window.showWarningMessage(`DVC Lens: ${result.reason}`);
    return;
  }
  const at = document.positionAt(result.insertion.offset);
  const edit = new vscode.WorkspaceEdit();
  edit.insert(dvcYaml, at, result.insertion.text);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage('DVC Lens: dvc.yaml could not be edited.');
    return;
  }
  await document.save();
  const lines = result.insertion.text.split('\n').length - 1;
  const editor = await vscode.window.showTextDocument(document, { preview: true });
  const start = document.positionAt(
    result.insertion.offset + (result.insertion.text.startsWith('\n') ? 1 : 0),
  );
  editor.selection = new vscode.Selection(start, new vscode.Position(start.line + Math.max(0, lines - 1), 0));
  editor.revealRange(editor.selection);
  log.append(`DVC Lens: added the plot ${definition.file} to ${vscode.workspace.asRelativePath(dvcYaml)}.`);
  void vscode.window.showInformationMessage(`DVC Lens: added the plot ${definition.file} to dvc.yaml.`);
}

export function registerAddPlotCommand(
  disposables: DisposableStore,
  repositories: WorkspaceRepositories,
  log: OutputLog,
): void {
  disposables.register(
    vscode.commands.registerCommand(pipelineCommandIds.addPlot, (argument: unknown) =>
      addPlotCommand(repositories, log, argument),
    ),
  );
}
