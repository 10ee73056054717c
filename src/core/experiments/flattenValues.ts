/**
 * Nested params and metrics into dotted keys, the way DVC names them on its command line and in
 * `dvc exp diff` (`train.learning_rate`, `model.layers.hidden`). Lists stay whole values: DVC compares and
 * overrides them as one value (`-S model.layers.hidden=[64,32]`).
 */
import type { ExperimentValue, FlatValues } from './experimentModel';

export function flattenValues(data: Readonly<Record<string, unknown>>): FlatValues {
  const result: Record<string, ExperimentValue> = {};
  const visit = (prefix: string, value: unknown): void => {
    if (isRecord(value)) {
      const entries = Object.entries(value);
      // An empty mapping is still a param (e.g. `extra: {}`); keep it visible as null rather than drop it.
      if (entries.length === 0 && prefix) define(result, prefix, null);
      for (const [key, child] of entries) visit(prefix ? `${prefix}.${key}` : key, child);
      return;
    }
    if (prefix) define(result, prefix, toValue(value));
  };
  visit('', data);
  return result;
}

function toValue(value: unknown): ExperimentValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (Array.isArray(value)) return value.map(toValue);
  // Mappings inside lists: kept as their JSON text, the only faithful scalar for a table cell.
  return value === undefined ? null : JSON.stringify(value);
}

function define(target: Record<string, ExperimentValue>, key: string, value: ExperimentValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
