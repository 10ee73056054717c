/**
 * The workspace row of the experiments model read from the params and metrics files themselves, in-process,
 * so the Experiments view and table show it at once (before DVC answers) and after an edit of those files
 * (when only the workspace changed, DVC is not asked again). Values are flattened as `exp show`'s are; every
 * parse keeps the budgets (size, nesting, aliases). A file that cannot be read says why, as DVC would.
 */
import { parse as parseToml } from 'smol-toml';
import { parseCliJson } from '../cliJson';
import { isTooLargeText, tooLargeMessage } from '../parseLimits/parseLimits';
import { parseYamlWithinLimits } from '../parseLimits/yamlLimits';
import type { ExperimentRow, FlatValues } from './experimentModel';
import { flattenValues } from './flattenValues';

/** A params or metrics file of the workspace, relative to the repository root; `text` undefined: missing. */
export interface WorkspaceFileText {
  readonly path: string;
  readonly text: string | undefined;
}

/** The values of one file, or why there are none. */
export type FileValues = { readonly values: FlatValues } | { readonly error: string };

/** Reads a params or metrics file by its extension: JSON (with NaN), TOML, else YAML. */
export function valuesOfFile(path: string, text: string): FileValues {
  if (isTooLargeText(text)) return { error: tooLargeMessage(path, text.length) };
  const extension = /\.[^./]*$/.exec(path)?.[0].toLowerCase() ?? '';
  try {
    let data: unknown;
    if (extension === '.json') data = parseCliJson(text);
    else if (extension === '.toml') data = parseToml(text);
    else {
      const { doc, breach } = parseYamlWithinLimits(path, text, { prettyErrors: false, uniqueKeys: false });
      if (breach) return { error: breach.message };
      if (doc.errors.length > 0) return { error: `${path}: ${doc.errors[0]?.message ?? 'not valid YAML'}` };
      data = doc.toJS({ maxAliasCount: -1 }) ?? {};
    }
    if (!isRecord(data)) return { error: `${path} does not hold a mapping` };
    return { values: flattenValues(data) };
  } catch (error) {
    return { error: `${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * The workspace row from files. `previous` (DVC's last workspace row, when there is one) keeps what files
 * cannot tell (dependency hashes) and the files DVC listed; a Python params file (which only DVC reads)
 * keeps its previous values.
 */
export function workspaceRowFromFiles(
  previous: ExperimentRow | undefined,
  params: readonly WorkspaceFileText[],
  metrics: readonly WorkspaceFileText[],
): ExperimentRow {
  const fileErrors: Record<string, string> = {};
  const read = (files: readonly WorkspaceFileText[], kept: Readonly<Record<string, FlatValues>>) => {
    const result: Record<string, FlatValues> = {};
    for (const file of files) {
      if (file.path.endsWith('.py')) {
        const old = kept[file.path];
        if (old) result[file.path] = old;
        continue;
      }
      if (file.text === undefined) {
        fileErrors[file.path] = `${file.path} does not exist in the workspace`;
        continue;
      }
      const got = valuesOfFile(file.path, file.text);
      if ('values' in got) result[file.path] = got.values;
      else fileErrors[file.path] = got.error;
    }
    return result;
  };
  return {
    kind: 'workspace',
    id: 'workspace',
    rev: 'workspace',
    name: undefined,
    label: 'workspace',
    state: undefined,
    timestamp: undefined,
    params: read(params, previous?.params ?? {}),
    metrics: read(metrics, previous?.metrics ?? {}),
    deps: previous?.deps ?? {},
    fileErrors,
    error: undefined,
    executor: undefined,
    baseline: undefined,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
