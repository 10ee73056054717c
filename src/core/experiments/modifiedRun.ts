/**
 * Modify and Run / Modify and Queue: a new experiment that starts from the params of an existing experiment
 * or commit instead of the workspace's. `dvc exp run -S` changes the workspace's params files, so starting
 * from another revision means overriding every param of that revision, then the person's own changes on top.
 * Every param, not only those that differ from the workspace: what we last read of the workspace may be a
 * moment old (a file saved just before), and an override with the same value costs nothing.
 */
import { overrideInputText, type ParamOverride } from './experimentOverrides';
import type { ExperimentValue, ValuesByFile } from './experimentModel';

/** What a modified run asks DVC for, and what it cannot carry over. */
export interface ModifiedRunPlan {
  /** The `-S` overrides, in the source's order of files and keys; the person's edits replace same keys. */
  readonly overrides: ParamOverride[];
  /**
   * `file:key` of params the source has but the workspace's files lack: `-S` can only change keys that exist
   * (DVC refuses to add one), so these are left out and the caller says so.
   */
  readonly missingInWorkspace: string[];
}

/**
 * The overrides that make a run start from `source` (an experiment's or commit's params): each of its params
 * the workspace has, as its exact text, then `edits` replacing or adding keys. Params only the workspace has
 * stay as they are (a run can not remove a key). A string in a Python params file that equals the
 * workspace's is left out: DVC cannot rewrite strings there (see ignoredPythonOverrides) and needs not.
 */
export function modifiedRunPlan(
  source: ValuesByFile,
  workspace: ValuesByFile,
  edits: readonly ParamOverride[],
): ModifiedRunPlan {
  const byKey = new Map<string, ParamOverride>();
  const missingInWorkspace: string[] = [];
  for (const [file, values] of Object.entries(source)) {
    const current = workspace[file];
    for (const [key, value] of Object.entries(values)) {
      const id = `${file}:${key}`;
      if (!current || !(key in current)) {
        missingInWorkspace.push(id);
        continue;
      }
      const text = exactText(value);
      const workspaceValue = current[key];
      const samePythonString =
        file.endsWith('.py') &&
        typeof value === 'string' &&
        workspaceValue !== undefined &&
        exactText(workspaceValue) === text;
      if (!samePythonString) byKey.set(id, { file, key, value: text });
    }
  }
  for (const edit of edits) {
    const id = `${edit.file}:${edit.key}`;
    byKey.set(id, edit);
    const missing = missingInWorkspace.indexOf(id);
    if (missing >= 0) missingInWorkspace.splice(missing, 1);
  }
  return { overrides: [...byKey.values()], missingInWorkspace };
}

/**
 * The value's exact text; a string holding a comma is quoted, because Modify and Queue reads `a, b` as a grid
 * of two runs and the source's value is one value.
 */
function exactText(value: ExperimentValue): string {
  const text = overrideInputText(value);
  return typeof value === 'string' && text.includes(',') && text === value ? JSON.stringify(value) : text;
}
