/**
 * DVC's last `dvc status --json` with the params part of some stages replaced by a judgement from the files
 * (paramsStatusFromFiles.ts), so that the views read exactly what DVC would print now. In DVC's JSON a stage's
 * params files sit in its `changed deps` object after its other deps (the stage lists `deps` first, then
 * one dependency per params file); `changed deps` comes first in the stage's list. A stage left with nothing
 * is up to date: DVC leaves it out.
 */
import type { ParamsFileStatus } from './paramsStatusFromFiles';
import type { StageParams } from './stageParamsDependencies';

const CHANGED_DEPS = 'changed deps';

/**
 * `json` is the last answer of DVC (not changed); the result is a new object. Undefined when DVC's entry of a
 * stage has a shape this does not know (the caller asks DVC again).
 */
export function mergeParamsStatusIntoDvcAnswer(
  json: Readonly<Record<string, unknown>>,
  stages: readonly StageParams[],
  judged: ReadonlyMap<string, readonly (readonly [string, ParamsFileStatus])[]>,
): Record<string, unknown> | undefined {
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) define(merged, key, value);
  for (const stage of stages) {
    const entry = own(json, stage.qualifiedName);
    if (entry !== undefined && !Array.isArray(entry)) return undefined;
    const items: unknown[] = [...((entry as unknown[] | undefined) ?? [])];
    const paramsPaths = new Set(stage.dependencies.map((dependency) => dependency.path));
    const depsIndex = items.findIndex((item) => isRecord(item) && CHANGED_DEPS in item);
    const depsItem = depsIndex >= 0 ? (items[depsIndex] as Record<string, unknown>) : undefined;
    const deps = depsItem?.[CHANGED_DEPS];
    if (depsItem && (!isRecord(deps) || Object.keys(depsItem).length !== 1)) return undefined;
    const changed: Record<string, unknown> = {};
    for (const [path, state] of Object.entries((deps as Record<string, unknown> | undefined) ?? {}))
      if (!paramsPaths.has(path)) define(changed, path, state);
    for (const [path, status] of judged.get(stage.qualifiedName) ?? [])
      define(changed, path, typeof status === 'string' ? status : Object.fromEntries(status));
    const hasChanges = Object.keys(changed).length > 0;
    if (depsIndex >= 0) {
      if (hasChanges) items[depsIndex] = { [CHANGED_DEPS]: changed };
      else items.splice(depsIndex, 1);
    } else if (hasChanges) items.unshift({ [CHANGED_DEPS]: changed });
    if (items.length > 0) define(merged, stage.qualifiedName, items);
    else delete merged[stage.qualifiedName];
  }
  return merged;
}

/** A stage or file named `__proto__` stays a key, never the object's prototype. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function own(json: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(json, key) ? json[key] : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
