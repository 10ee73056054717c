/**
 * The interpolation context of a dvc.yaml, built the way DVC builds it: the default `params.yaml` of the
 * pipeline folder (when it exists), then each `vars` entry in order. Entries merge recursively; redefining
 * a value is an error, as is loading a file both whole and in part. Stage-level `vars` work on a clone.
 */
import { isParamMap, type ParamMap, type ParamValue } from './paramValue';
import { joinPath } from './pipelinePaths';

/** Reads a file named relative to the pipeline folder: its mapping, `undefined` if it could not be read as
 * one (the reader has reported why), or 'missing'. */
export type VarsFileReader = (pathInPipelineFolder: string) => ParamMap | undefined | 'missing';

/** `undefined` when the step worked, otherwise why not (without the "where", which the caller knows). */
export type MergeFailure = string | undefined;

type ImportedKeys = readonly string[] | 'all';

export const defaultParamsFile = 'params.yaml';

export class VariablesContext {
  private constructor(
    private readonly variables: Map<string, ParamValue>,
    private readonly imports: Map<string, ImportedKeys>,
    private readonly sources: { readonly name: string; readonly values: ParamMap }[],
  ) {}

  static empty(): VariablesContext {
    return new VariablesContext(new Map(), new Map(), []);
  }

  /** A copy to extend with stage-level vars; nested maps are shared because merging never mutates them. */
  clone(): VariablesContext {
    return new VariablesContext(new Map(this.variables), new Map(this.imports), [...this.sources]);
  }

  get values(): ParamMap {
    return this.variables;
  }

  /** DVC loads `params.yaml` of the pipeline folder silently when present. */
  loadDefaultParams(read: VarsFileReader): MergeFailure {
    return read(defaultParamsFile) === 'missing' ? undefined : this.mergeFile(defaultParamsFile, '', read);
  }

  /** A `vars` string: `file.yaml` or `file.yaml:key1,key2`, relative to `wdir` (in the pipeline folder). */
  mergeFile(
    entry: string,
    wdir: string,
    read: VarsFileReader,
    reserved: ReadonlySet<string> = new Set(),
  ): MergeFailure {
    const colon = entry.indexOf(':');
    const written = colon === -1 ? entry : entry.slice(0, colon);
    const keys =
      colon === -1
        ? []
        : entry
            .slice(colon + 1)
            .split(',')
            .filter((key) => key !== '');
    const path = joinPath(wdir, written);
    const previous = this.imports.get(path);
    if (previous !== undefined) {
      if (keys.length === 0 && previous === 'all') return undefined;
      const clash = importClash(entry, previous, keys);
      if (clash) return clash;
    }
    const content = read(path);
    if (content === 'missing') return `'${written}' does not exist`;
    if (content === undefined) return undefined;
    let selected: ParamMap = content;
    if (keys.length > 0) {
      const picked = new Map<string, ParamValue>();
      for (const key of keys) {
        const value = content.get(key);
        if (value === undefined) return `cannot find '${key}' in '${written}'`;
        picked.set(key, value);
      }
      selected = picked;
    }
    const failure = this.merge(selected, written, reserved);
    const imported: ImportedKeys = keys.length === 0 ? 'all' : keys;
    this.imports.set(
      path,
      previous === undefined || previous === 'all' || imported === 'all'
        ? imported
        : [...previous, ...imported],
    );
    return failure;
  }

  /** An inline `vars` dict, named like DVC names it in messages (`vars[0]`, `train.vars[1]`). */
  mergeInline(values: ParamMap, sourceName: string, reserved: ReadonlySet<string> = new Set()): MergeFailure {
    return this.merge(values, sourceName, reserved);
  }

  private merge(update: ParamMap, sourceName: string, reserved: ReadonlySet<string>): MergeFailure {
    const taken = [...update.keys()].filter((key) => reserved.has(key));
    if (taken.length > 0)
      return `cannot define ${taken.map((key) => `'${key}'`).join(' and ')}: foreach/matrix reserves it`;
    const conflicts: string[] = [];
    mergeInto(this.variables, update, '', conflicts);
    this.sources.push({ name: sourceName, values: update });
    const first = conflicts[0];
    if (first === undefined) return undefined;
    const owner = this.sources.find((source) => source.name !== sourceName && hasPath(source.values, first));
    return `cannot redefine '${first}' from '${sourceName}': it is already defined in '${owner?.name ?? 'another source'}'`;
  }
}

function importClash(entry: string, previous: ImportedKeys, keys: readonly string[]): MergeFailure {
  if (keys.length === 0 && previous !== 'all')
    return `cannot load '${entry}' as it is partially loaded already`;
  if (keys.length > 0 && previous === 'all')
    return `cannot partially load '${entry}' as it is already loaded`;
  if (previous !== 'all' && keys.some((key) => previous.includes(key)))
    return `cannot load '${entry}' as it is partially loaded already`;
  return undefined;
}

/** Recursive merge into `target`, copying nested maps before changing them (they may be shared). */
function mergeInto(
  target: Map<string, ParamValue>,
  update: ParamMap,
  prefix: string,
  conflicts: string[],
): void {
  for (const [key, value] of update) {
    const existing = target.get(key);
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (existing !== undefined && isParamMap(existing) && isParamMap(value)) {
      const copy = new Map(existing);
      mergeInto(copy, value, path, conflicts);
      target.set(key, copy);
    } else if (target.has(key)) {
      conflicts.push(path);
    } else {
      target.set(key, value);
    }
  }
}

function hasPath(values: ParamMap, dotted: string): boolean {
  let current: ParamValue | undefined = values;
  for (const key of dotted.split('.')) {
    if (current === undefined || !isParamMap(current)) return false;
    current = current.get(key);
  }
  return current !== undefined;
}
