/**
 * Values read from params files and `vars`, as DVC's interpolation sees them. Maps are `Map`s so that key
 * order is kept exactly (plain objects move integer-like keys first) and keys like `constructor` are data.
 * Floats are kept apart from integers because DVC prints them with Python's `str()`: `1.0`, `1e-05`.
 */
import { formatPythonFloat } from './pythonFloat';

/** A number that was written as a float (`1.0`, `1e-3`, `.inf`); integers are plain `number`s. */
export class PythonFloat {
  constructor(readonly value: number) {}
}

/** Integers are `number`s while exact as one, `bigint`s beyond 2^53 (Python's integers have no size limit). */
export type ParamScalar = string | number | bigint | boolean | null | PythonFloat;
export type ParamList = readonly ParamValue[];
export type ParamMap = ReadonlyMap<string, ParamValue>;
export type ParamValue = ParamScalar | ParamList | ParamMap;

/** An integer as a {@link ParamScalar}: a number when it is exact as one, the bigint otherwise. */
export function exactInteger(value: bigint): number | bigint {
  const safe = value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER);
  return safe ? Number(value) : value;
}

export function isParamMap(value: ParamValue): value is ParamMap {
  return value instanceof Map;
}

export function isParamList(value: ParamValue): value is ParamList {
  return Array.isArray(value);
}

/** DVC's `is_map_or_seq`: lists and dicts, as opposed to scalars. */
export function isComposite(value: ParamValue): value is ParamList | ParamMap {
  return isParamMap(value) || isParamList(value);
}

/**
 * How a scalar becomes text in an interpolated string: DVC's `to_str`, i.e. Python's `str()` except that
 * booleans are lower-case. `titleCaseBooleans` gives plain `str()`, which DVC uses for foreach/matrix keys
 * that come from a variable (`foreach: ${flags}` names stages `x@True`, a literal list names them `x@true`).
 */
export function pythonStr(value: ParamScalar, titleCaseBooleans = false): string {
  if (value === null) return 'None';
  if (typeof value === 'boolean') {
    if (titleCaseBooleans) return value ? 'True' : 'False';
    return value ? 'true' : 'false';
  }
  if (value instanceof PythonFloat) return formatPythonFloat(value.value);
  return String(value);
}

/** A short type name for messages, as Python would say it. */
export function pythonTypeName(value: ParamValue): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number' || typeof value === 'bigint') return 'int';
  if (value instanceof PythonFloat) return 'float';
  return isParamList(value) ? 'list' : 'dict';
}
