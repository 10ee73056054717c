/**
 * A params file's values as `dotted.key -> text`, for comparing one commit's values with another's and for
 * showing them. The text is a canonical JSON rendering, so `0.1` and `0.10` compare equal (YAML reads both
 * as the same number) while `"0.1"` (a string) does not.
 */
import { isParamMap, PythonFloat, type ParamMap, type ParamValue } from '../pipeline/paramValue';

export type FlatParams = Readonly<Record<string, string>>;

export function flattenParamMap(map: ParamMap): FlatParams {
  const result: Record<string, string> = {};
  const visit = (prefix: string, value: ParamValue): void => {
    if (isParamMap(value) && value.size > 0) {
      for (const [key, child] of value) visit(prefix ? `${prefix}.${key}` : key, child);
      return;
    }
    if (prefix) result[prefix] = paramText(value);
  };
  visit('', map);
  return result;
}

/** The value as a person reads it (`0.5`, `adam`, `[64,32]`). */
export function paramText(value: ParamValue): string {
  if (value instanceof PythonFloat) return String(value.value);
  if (isParamMap(value))
    return JSON.stringify(Object.fromEntries([...value].map(([key, child]) => [key, paramText(child)])));
  if (Array.isArray(value)) return `[${value.map((item: ParamValue) => paramText(item)).join(',')}]`;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  return 'null';
}
