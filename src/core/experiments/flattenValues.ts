/**
 * Nested params and metrics into dotted keys, the way DVC names them on its command line and in
 * `dvc exp diff` (`train.learning_rate`, `model.layers.hidden`). Lists stay whole values: DVC compares and
 * overrides them as one value (`-S model.layers.hidden=[64,32]`).
 *
 * A key that itself holds a dot is quoted (`"val.loss"`, `train."val.loss"`), so that it never lands in the
 * same column as the nested `val: {loss}` (one value would be lost). Nesting is walked without recursion;
 * below {@link MAX_NESTING_DEPTH} levels the rest is one value that says so.
 */
import { MAX_NESTING_DEPTH } from '../parseLimits/parseLimits';
import type { ExperimentValue, FlatValues } from './experimentModel';

/** What a cell holds where the data nests deeper than the budget. */
export const tooDeepValue = `(nested deeper than ${MAX_NESTING_DEPTH} levels)`;

export function flattenValues(data: Readonly<Record<string, unknown>>): FlatValues {
  const result: Record<string, ExperimentValue> = {};
  const pending: { readonly prefix: string; readonly value: unknown; readonly depth: number }[] = [
    { prefix: '', value: data, depth: 0 },
  ];
  while (pending.length > 0) {
    const { prefix, value, depth } = pending.pop() as (typeof pending)[number];
    if (!isRecord(value)) {
      if (prefix) define(result, prefix, toValue(value, depth));
      continue;
    }
    if (depth > MAX_NESTING_DEPTH) {
      define(result, prefix, tooDeepValue);
      continue;
    }
    const entries = Object.entries(value);
    // An empty mapping is still a param (e.g. `extra: {}`); keep it visible as null rather than drop it.
    if (entries.length === 0 && prefix) define(result, prefix, null);
    // Pushed in reverse so that keys come out in the data's order.
    for (let index = entries.length - 1; index >= 0; index--) {
      const [key, child] = entries[index] as [string, unknown];
      const segment = flatKeySegment(key);
      pending.push({ prefix: prefix ? `${prefix}.${segment}` : segment, value: child, depth: depth + 1 });
    }
  }
  return result;
}

/** A key as one segment of a dotted path: as written, or quoted when it holds a dot (or looks quoted). */
export function flatKeySegment(key: string): string {
  return key.includes('.') || key.startsWith('"') ? JSON.stringify(key) : key;
}

/** The last segment of a dotted path, unquoted (`train."val.loss"` → `val.loss`). */
export function lastFlatKeySegment(path: string): string {
  if (path.endsWith('"')) {
    const start = path.lastIndexOf('."');
    const quoted = start === -1 ? path : path.slice(start + 1);
    try {
      return JSON.parse(quoted) as string;
    } catch {
      return path;
    }
  }
  return path.slice(path.lastIndexOf('.') + 1);
}

function toValue(value: unknown, depth: number): ExperimentValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (depth > MAX_NESTING_DEPTH) return tooDeepValue;
  if (Array.isArray(value)) return value.map((item: unknown) => toValue(item, depth + 1));
  if (value === undefined) return null;
  // Mappings inside lists: kept as their JSON text, the only faithful scalar for a table cell.
  try {
    return JSON.stringify(value);
  } catch {
    return tooDeepValue;
  }
}

function define(target: Record<string, ExperimentValue>, key: string, value: ExperimentValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
