/**
 * Literal foreach and matrix data (`foreach: [a, b]`, `matrix: {lr: [0.1, "${lr}"]}`): DVC resolves every
 * string inside, keys included, and allows any value type there. Failures point at the string that failed.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import {
  findInterpolations,
  interpolate,
  type InterpolationMatch,
  type InterpolationScope,
} from './interpolation';
import { isComposite, pythonStr, type ParamValue } from './paramValue';
import { mapEntries, seqItems } from './yamlNodes';
import { scalarToParamValue } from './yamlToParamValue';

export type LiteralResult =
  | { readonly ok: true; readonly value: ParamValue }
  | {
      readonly ok: false;
      readonly message: string;
      readonly node: Node;
      readonly match?: InterpolationMatch;
    };

/** Whether a node is a string that is exactly one `${...}`, so that DVC keeps the variable's value as is. */
export function isWholeInterpolation(node: Node | null): boolean {
  if (!isScalar(node) || typeof node.value !== 'string') return false;
  const matches = findInterpolations(node.value);
  return matches.length === 1 && matches[0]?.start === 0 && matches[0].end === node.value.length;
}

/**
 * Resolves a literal node. `stringifyKeys` keeps non-string keys written with Python's `str()` (a literal
 * foreach dict does); nested dicts drop them, as DVC's context does.
 */
export function resolveLiteral(
  node: Node | null,
  doc: Document,
  scope: InterpolationScope,
  stringifyKeys: boolean,
  depth = 0,
): LiteralResult {
  if (node === null || depth > 64) return { ok: true, value: null };
  if (isScalar(node)) {
    if (typeof node.value !== 'string') return { ok: true, value: scalarToParamValue(node) };
    const result = interpolate(node.value, scope, undefined);
    return result.ok
      ? result
      : { ok: false, message: result.message, node, ...(result.match ? { match: result.match } : {}) };
  }
  if (isSeq(node)) {
    const values: ParamValue[] = [];
    for (const item of seqItems(node.items, doc)) {
      const resolved = resolveLiteral(item, doc, scope, false, depth + 1);
      if (!resolved.ok) return resolved;
      values.push(resolved.value);
    }
    return { ok: true, value: values };
  }
  if (isMap(node)) {
    const values = new Map<string, ParamValue>();
    for (const entry of mapEntries(node, doc)) {
      if (!entry.keyNode || (typeof entry.key !== 'string' && !stringifyKeys)) continue;
      const key = resolveLiteral(entry.keyNode, doc, scope, false, depth + 1);
      if (!key.ok) return key;
      if (isComposite(key.value)) continue;
      const value = resolveLiteral(entry.valueNode, doc, scope, false, depth + 1);
      if (!value.ok) return value;
      values.set(pythonStr(key.value), value.value);
    }
    return { ok: true, value: values };
  }
  return { ok: true, value: null };
}
