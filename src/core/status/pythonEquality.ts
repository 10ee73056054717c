/**
 * `a == b` as Python judges two values DVC loaded (its `dvc status` compares a params file's values with
 * dvc.lock's this way): numbers by value whatever their type (`1 == 1.0`, `True == 1`), NaN never equal,
 * lists item by item, mappings by their keys whatever the order. Undefined when our reading of the files may
 * differ from DVC's: a string that DVC's YAML loader could take for a number (`1_000` is an integer to it).
 */
import { isParamMap, PythonFloat, type ParamValue } from '../pipeline/paramValue';

/** Only such strings could be numbers to DVC's loader while the YAML 1.2 parser keeps them as text. */
const numberLike = /^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?$/;

export function pythonEquals(a: ParamValue, b: ParamValue): boolean | undefined {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) return numbersEqual(x, y);
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  if ((typeof a === 'string' && y !== undefined) || (typeof b === 'string' && x !== undefined)) {
    const text = typeof a === 'string' ? a : (b as string);
    return numberLike.test(text) ? undefined : false;
  }
  if (a === null || b === null) return a === b;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    return allEqual(a.map((item, index) => [item, b[index] as ParamValue]));
  }
  if (isParamMap(a) && isParamMap(b)) {
    if (a.size !== b.size) return false;
    const pairs: [ParamValue, ParamValue][] = [];
    for (const [key, value] of a) {
      if (!b.has(key)) return false;
      pairs.push([value, b.get(key) as ParamValue]);
    }
    return allEqual(pairs);
  }
  return false;
}

/** Unsure anywhere makes the whole unsure, unless some pair is surely different. */
function allEqual(pairs: readonly (readonly [ParamValue, ParamValue])[]): boolean | undefined {
  let unsure = false;
  for (const [a, b] of pairs) {
    const equal = pythonEquals(a, b);
    if (equal === false) return false;
    if (equal === undefined) unsure = true;
  }
  return unsure ? undefined : true;
}

type Numeric = number | bigint;

function numeric(value: ParamValue): Numeric | undefined {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'bigint') return value;
  if (value instanceof PythonFloat) return value.value;
  return undefined;
}

function numbersEqual(x: Numeric, y: Numeric): boolean {
  if (typeof x === 'bigint' && typeof y === 'bigint') return x === y;
  if (typeof x === 'bigint' || typeof y === 'bigint') {
    const other = typeof x === 'bigint' ? y : x;
    const big = typeof x === 'bigint' ? x : (y as bigint);
    return typeof other === 'number' && Number.isInteger(other) && BigInt(other) === big;
  }
  // NaN != NaN in Python too.
  return x === y;
}
