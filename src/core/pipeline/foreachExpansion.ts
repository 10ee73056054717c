/**
 * `foreach` stages: which stages a definition generates and what `item` (and `key`) each one sees. Naming
 * follows DVC 3.67 exactly (checked against `dvc stage list`):
 * - a list of scalars: `name@<value>` with the value written by Python's `str()`: `build@us`, `build@1`,
 *   `build@2.0`, `build@None`; booleans are `true`/`false` when written in the list but `True`/`False` when
 *   they come from a variable (`foreach: ${flags}`); repeated values give one stage;
 * - a list holding any list or dict: `name@<index>`;
 * - a dict: `name@<key>`, and `${key}` is available as well as `${item}`.
 */
import { isScalar, isSeq, type Document, type Node } from 'yaml';
import { interpolate, type InterpolationMatch, type InterpolationScope } from './interpolation';
import {
  isComposite,
  isParamList,
  isParamMap,
  pythonStr,
  pythonTypeName,
  type ParamValue,
} from './paramValue';
import { isWholeInterpolation, resolveLiteral } from './literalData';
import { seqItems } from './yamlNodes';

/** One generated stage: the part after `@`, and the values `item`/`key` take in it. */
export interface Iteration {
  readonly key: string;
  readonly bindings: ReadonlyMap<string, ParamValue>;
}

export type ExpansionResult =
  | { readonly ok: true; readonly iterations: readonly Iteration[] }
  /** `node` is the part that failed, when there is one (not for `foreach:` with nothing after it). */
  | {
      readonly ok: false;
      readonly message: string;
      readonly node?: Node;
      readonly match?: InterpolationMatch;
    };

export function expandForeach(node: Node | null, doc: Document, scope: InterpolationScope): ExpansionResult {
  if (node === null) return { ok: false, message: "'foreach' is empty" };
  let data: ParamValue;
  let fromVariable: (index: number) => boolean;
  if (isScalar(node) && typeof node.value === 'string') {
    const result = interpolate(node.value, scope, undefined);
    if (!result.ok)
      return { ok: false, message: result.message, node, ...(result.match ? { match: result.match } : {}) };
    data = result.value;
    fromVariable = () => isWholeInterpolation(node);
  } else {
    const result = resolveLiteral(node, doc, scope, true);
    if (!result.ok) return result;
    data = result.value;
    const items = isSeq(node) ? seqItems(node.items, doc) : [];
    fromVariable = (index) => isWholeInterpolation(items[index] ?? null);
  }
  if (isParamMap(data)) {
    return {
      ok: true,
      iterations: [...data].map(([key, item]) => ({
        key,
        bindings: new Map([
          ['item', item],
          ['key', key],
        ]),
      })),
    };
  }
  if (!isParamList(data)) {
    return {
      ok: false,
      message: `'foreach' must be a list or a dictionary (got ${pythonTypeName(data)})`,
      node,
    };
  }
  return { ok: true, iterations: listIterations(data, fromVariable) };
}

function listIterations(list: readonly ParamValue[], fromVariable: (index: number) => boolean): Iteration[] {
  const byIndex = list.some(isComposite);
  const byKey = new Map<string, ParamValue>();
  list.forEach((item, index) => {
    const key = byIndex || isComposite(item) ? String(index) : pythonStr(item, fromVariable(index));
    byKey.set(key, item);
  });
  return [...byKey].map(([key, item]) => ({ key, bindings: new Map([['item', item]]) }));
}
