/**
 * The params part of `dvc status --json`, judged from the files instead of asking DVC (issue 13: a params
 * edit cost a `dvc status`, seconds each). What DVC 3.67.1 does (dvc/dependency/param.py,
 * `ParamsDependency.workspace_status`, and dvc/stage/loader.py), reproduced here and checked against the real
 * DVC in test/integration/paramsStatusFromFiles.test.ts:
 * - a params file that does not exist: `{"<file>": "deleted"}`;
 * - a stage without a dvc.lock entry, or whose entry records nothing for the file: `{"<file>": "new"}`;
 * - else per key, `{"<file>": {"<key>": "modified" | "new" | "deleted"}}`: `deleted` when the file lacks the
 *   key, `new` when dvc.lock lacks it, `modified` when the values differ as Python compares them. Keys are
 *   dotted paths into the file; a key names a whole section when it is one (`train` changes with any of its
 *   values). A whole file compares its top-level keys, the file's own first, then dvc.lock's others.
 * Anything DVC might judge otherwise makes the answer `unsure` (the caller asks DVC): a file that does not
 * parse or is not YAML or JSON, a key that reaches into a list or is a glob, a number-like text.
 */
import { isMap, type Document, type YAMLMap } from 'yaml';
import { parseYamlWithinLimits } from '../parseLimits/yamlLimits';
import { isParamMap, type ParamMap, type ParamValue } from '../pipeline/paramValue';
import { parseParamsFile } from '../pipeline/paramsFile';
import { mapEntries } from '../pipeline/yamlNodes';
import { yamlToParamValue } from '../pipeline/yamlToParamValue';
import { pythonEquals } from './pythonEquality';
import type { ParamsDependency, StageParams } from './stageParamsDependencies';

/** A key's change, in DVC's words. */
export type ParamChange = 'modified' | 'new' | 'deleted';

/** One params file's entry under a stage's `changed deps`, as `dvc status --json` prints it. */
export type ParamsFileStatus = 'deleted' | 'new' | ReadonlyMap<string, ParamChange>;

/** What the judgement reads: texts by path relative to the repository root (undefined: no such file). */
export interface ParamsStatusFiles {
  readonly stages: readonly StageParams[];
  /** The dvc.lock of each `StageParams.lockFile`. */
  readonly lockTexts: ReadonlyMap<string, string | undefined>;
  /** Every params file the stages depend on, by `ParamsDependency.path`. */
  readonly paramsTexts: ReadonlyMap<string, string | undefined>;
}

export type ParamsStatusJudgement =
  /** Per stage (qualified name), its changed params files in DVC's order (unchanged stages are absent). */
  | { readonly kind: 'judged'; readonly stages: ReadonlyMap<string, readonly [string, ParamsFileStatus][]> }
  | { readonly kind: 'unsure'; readonly reason: string };

class Unsure extends Error {}

export function judgeParamsStatus(files: ParamsStatusFiles): ParamsStatusJudgement {
  try {
    const locks = new Map<string, LockParams>();
    const values = new Map<string, ParamMap | undefined>();
    const lockOf = (file: string): LockParams => {
      let lock = locks.get(file);
      if (!lock) locks.set(file, (lock = readLockParams(file, files.lockTexts.get(file))));
      return lock;
    };
    const valuesOf = (path: string): ParamMap | undefined => {
      if (!values.has(path)) values.set(path, readParams(path, files.paramsTexts.get(path)));
      return values.get(path);
    };
    const stages = new Map<string, [string, ParamsFileStatus][]>();
    for (const stage of files.stages) {
      const changed: [string, ParamsFileStatus][] = [];
      const recorded = lockOf(stage.lockFile).get(stage.lockName);
      for (const dependency of stage.dependencies) {
        const status = fileStatus(dependency, valuesOf(dependency.path), recorded);
        if (status !== undefined) changed.push([dependency.path, status]);
      }
      if (changed.length > 0) stages.set(stage.qualifiedName, changed);
    }
    return { kind: 'judged', stages };
  } catch (error: unknown) {
    if (error instanceof Unsure) return { kind: 'unsure', reason: error.message };
    throw error;
  }
}

/** Per stage name in one dvc.lock: its `params:` by file key (a stage absent from dvc.lock is absent here). */
type LockParams = ReadonlyMap<string, ReadonlyMap<string, ParamValue>>;

function fileStatus(
  dependency: ParamsDependency,
  actual: ParamMap | undefined,
  recorded: ReadonlyMap<string, ParamValue> | undefined,
): ParamsFileStatus | undefined {
  if (actual === undefined) return 'deleted';
  const info = recorded?.get(dependency.lockKey);
  // DVC fills a dependency from dvc.lock only when the file has a (non-null) entry there.
  if (info === undefined || info === null) return 'new';
  if (!isParamMap(info)) throw new Unsure(`dvc.lock records '${dependency.lockKey}' as no mapping`);
  const current = dependency.keys ? pickKeys(actual, dependency.keys) : actual;
  const locked = dependency.keys
    ? new Map([...info].filter(([key]) => dependency.keys?.includes(key)))
    : info;
  const keys = dependency.keys ?? [...new Set([...current.keys(), ...locked.keys()])];
  const changes = new Map<string, ParamChange>();
  for (const key of keys) {
    const value = current.get(key);
    const lockedValue = locked.get(key);
    if (!current.has(key)) changes.set(key, 'deleted');
    else if (!locked.has(key)) changes.set(key, 'new');
    else {
      const equal = pythonEquals(value as ParamValue, lockedValue as ParamValue);
      if (equal === undefined) throw new Unsure(`'${key}' of '${dependency.path}' may read otherwise to DVC`);
      if (!equal) changes.set(key, 'modified');
    }
  }
  return changes.size > 0 ? changes : undefined;
}

/** DVC's `dpath.get(config, key, separator=".")` per key; a key the file lacks is left out. */
function pickKeys(config: ParamMap, keys: readonly string[]): ParamMap {
  const picked = new Map<string, ParamValue>();
  for (const key of keys) {
    if (/[*?[\]]/.test(key) || key.split('.').some((segment) => segment === ''))
      throw new Unsure(`the params key '${key}' is a pattern or not a plain path`);
    let value: ParamValue | undefined = config;
    for (const segment of key.split('.')) {
      if (Array.isArray(value)) throw new Unsure(`the params key '${key}' reaches into a list`);
      value = isParamMap(value) ? value.get(segment) : undefined;
      if (value === undefined) break;
    }
    if (value !== undefined) picked.set(key, value);
  }
  return picked;
}

function readParams(path: string, text: string | undefined): ParamMap | undefined {
  if (text === undefined) return undefined;
  if (!/\.(ya?ml|json)$/i.test(path)) throw new Unsure(`'${path}' is neither YAML nor JSON`);
  // Bytes that are not UTF-8 (read leniently by the caller) make DVC fail: its words, not ours.
  if (text.includes('\uFFFD')) throw new Unsure(`'${path}' is not UTF-8`);
  const { values, problems } = parseParamsFile(path, text);
  if (!values || problems.length > 0) throw new Unsure(`'${path}' does not parse`);
  return values;
}

function readLockParams(file: string, text: string | undefined): LockParams {
  const stages = new Map<string, Map<string, ParamValue>>();
  if (text === undefined) return stages;
  const { doc, breach } = parseYamlWithinLimits(file, text, { uniqueKeys: false, intAsBigInt: true });
  if (breach || doc.errors.length > 0) throw new Unsure(`'${file}' does not parse`);
  const stagesNode = isMap(doc.contents) ? doc.contents.get('stages', true) : undefined;
  if (stagesNode === undefined || stagesNode === null) return stages;
  if (!isMap(stagesNode)) throw new Unsure(`'${file}' has no stages mapping`);
  for (const stage of mapEntries(stagesNode, doc)) {
    if (typeof stage.key !== 'string' || !isMap(stage.valueNode)) continue;
    stages.set(stage.key, stageLockParams(stage.valueNode, doc));
  }
  return stages;
}

function stageLockParams(stage: YAMLMap, doc: Document): Map<string, ParamValue> {
  const params = new Map<string, ParamValue>();
  const node = stage.get('params', true);
  if (!isMap(node)) return params;
  for (const entry of mapEntries(node, doc))
    if (typeof entry.key === 'string') params.set(entry.key, yamlToParamValue(entry.valueNode, doc, 'skip'));
  return params;
}
