import * as vscode from 'vscode';
import type { ExperimentRow } from '../core/experiments/experimentModel';
import {
  experimentNameProblem,
  overridableParams,
  type ParamOverride,
} from '../core/experiments/experimentOverrides';
import { formatExperimentValue } from '../core/experiments/headlineMetric';

/**
 * The interactive part of Run/Queue Experiment: pick params (the values of `startingRow` shown, searchable),
 * edit each value, then an optional name. `startingRow` is the workspace, or for Modify and Run/Queue the
 * experiment or commit the run starts from. Undefined: the person closed a prompt.
 */
export async function promptOverrides(
  startingRow: ExperimentRow,
  mode: 'run' | 'queue',
  title?: string,
): Promise<ParamOverride[] | undefined> {
  const items = overridableParams(startingRow.params).map((param) => ({
    label: param.key,
    description: formatExperimentValue(param.value),
    detail: param.file,
    file: param.file,
    key: param.key,
    // The box starts from the exact value: the description's rounding must not become an override.
    value: param.inputText,
  }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(
      'DVC Lens: the pipeline uses no params, so there is nothing to vary. The experiment runs as it is.',
    );
    return [];
  }
  const picked = await vscode.window.showQuickPick(items, {
    title:
      title ??
      (mode === 'run'
        ? 'Run experiment: which params to change?'
        : 'Queue experiment: which params to change?'),
    canPickMany: true,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return undefined;
  const overrides: ParamOverride[] = [];
  for (const item of picked) {
    const value = await vscode.window.showInputBox({
      title: `${item.detail}: ${item.key}`,
      prompt:
        mode === 'queue'
          ? 'New value (YAML). Several values separated by commas queue one experiment each (a grid).'
          : 'New value (YAML, e.g. 0.1, true, [64, 32])',
      value: item.value,
      validateInput: (text) => (text.trim().length === 0 ? 'A value is needed.' : undefined),
    });
    if (value === undefined) return undefined;
    overrides.push({ file: item.file, key: item.key, value: value.trim() });
  }
  return overrides;
}

/** An optional experiment name; '' means "let DVC choose"; undefined: cancelled. */
export function promptExperimentName(title: string, value = ''): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt: 'Experiment name (optional: DVC makes one up when empty)',
    value,
    validateInput: (text) => experimentNameProblem(text.trim()),
  });
}

/** A required name (rename, branch). */
export function promptRequiredName(title: string, prompt: string, value = ''): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt,
    value,
    validateInput: (text) =>
      text.trim().length === 0 ? 'A name is needed.' : experimentNameProblem(text.trim()),
  });
}

/** A modal confirmation naming what is at stake; true when confirmed (or `confirmed` was passed). */
export async function confirmModal(
  confirmed: boolean | undefined,
  message: string,
  detail: string,
  action: string,
): Promise<boolean> {
  if (confirmed) return true;
  const picked = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
  return picked === action;
}
