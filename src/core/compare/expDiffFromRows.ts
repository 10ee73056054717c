/**
 * `dvc exp diff --all --json A B` built from the two revisions' experiment rows (what `dvc exp show` said of
 * them), so a compare of two commits the views already read needs no DVC process. Both commands collect a
 * revision's params and metrics the same way (DVC 3.67.1, `collect_rev`); `exp diff` then, per file:
 * formats every list as Python's `str(list)`, flattens nested keys with dots (flatten_dict, empty mappings
 * dropped), takes the union of keys, writes `null` for a side without the key, and adds `diff = new - old`
 * when both are numbers (Python's bools count as numbers: `True - False` is 1).
 *
 * Where the rows cannot say exactly what DVC would print, the answer is undefined and DVC is asked: a
 * revision DVC failed to read (whole or one file), a key that held a dot (the rows quote it, DVC does not), a
 * `null` (an empty mapping and a null look alike in the rows), and lists holding numbers (a row cannot tell
 * `1` from `1.0`, which Python prints differently).
 */
import type { ExperimentRow, ExperimentValue, ValuesByFile } from '../experiments/experimentModel';
import { tooDeepValue } from '../experiments/flattenValues';
import { parseExpDiff, type ExperimentDiffEntry } from '../experiments/parseExpDiff';

type DiffJson = Record<string, Record<string, Record<string, unknown>>>;

export function expDiffFromRows(
  old: ExperimentRow,
  current: ExperimentRow,
): ExperimentDiffEntry[] | undefined {
  for (const row of [old, current])
    if (row.error !== undefined || Object.keys(row.fileErrors).length > 0) return undefined;
  const params = diffFiles(old.params, current.params);
  const metrics = diffFiles(old.metrics, current.metrics);
  if (!params || !metrics) return undefined;
  // DVC's JSON shape, parsed by the same parser as DVC's own answer: one meaning for both paths.
  return parseExpDiff({ params, metrics });
}

function diffFiles(old: ValuesByFile, current: ValuesByFile): DiffJson[string] | undefined {
  const result: DiffJson[string] = {};
  for (const file of new Set([...Object.keys(old), ...Object.keys(current)])) {
    const before = old[file] ?? {};
    const after = current[file] ?? {};
    const keys: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (key.includes('"')) return undefined;
      const oldValue = asDvcPrints(before[key]);
      const newValue = asDvcPrints(after[key]);
      if (oldValue === undefined || newValue === undefined) return undefined;
      keys[key] = {
        old: oldValue.value,
        new: newValue.value,
        ...(isNumeric(oldValue.value) && isNumeric(newValue.value)
          ? { diff: Number(newValue.value) - Number(oldValue.value) }
          : {}),
      };
    }
    if (Object.keys(keys).length > 0) result[file] = keys;
  }
  return result;
}

/** A row's value as `exp diff` prints it; `{ value: null }` for an absent key; undefined when unsure. */
function asDvcPrints(
  value: ExperimentValue | undefined,
): { readonly value: string | number | boolean | null } | undefined {
  if (value === undefined) return { value: null };
  if (value === null || value === tooDeepValue) return undefined;
  if (Array.isArray(value)) {
    const text = pythonListText(value);
    return text === undefined ? undefined : { value: text };
  }
  return { value: value as string | number | boolean };
}

function isNumeric(value: unknown): value is number | boolean {
  return typeof value === 'number' || typeof value === 'boolean';
}

/** Python's `str()` of a list of strings, booleans, nulls and such lists; undefined for anything else. */
function pythonListText(list: readonly ExperimentValue[]): string | undefined {
  const items: string[] = [];
  for (const item of list) {
    if (typeof item === 'boolean') items.push(item ? 'True' : 'False');
    else if (item === null) items.push('None');
    // Python quotes with ' unless the text holds one; escapes and non-ASCII have rules of their own: unsure.
    else if (typeof item === 'string' && /^[\x20-\x7e]*$/.test(item) && !/['\\]/.test(item))
      items.push(`'${item}'`);
    else if (Array.isArray(item)) {
      const nested = pythonListText(item);
      if (nested === undefined) return undefined;
      items.push(nested);
    } else return undefined;
  }
  return `[${items.join(', ')}]`;
}
