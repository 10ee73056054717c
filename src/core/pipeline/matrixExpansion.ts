/**
 * `matrix` stages: one stage per combination of the listed values, in itertools.product order (the last
 * key varies fastest). Naming follows DVC 3.67 (checked against `dvc stage list`): `name@<v1>-<v2>...` where
 * a scalar is written by Python's `str()` (booleans from a variable as `True`), and a list or dict value is
 * written as `<matrix key><index>`, e.g. `train@cfg0-1`. Each stage sees `${item.<matrix key>}` and `${key}`.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { ExpansionResult, Iteration } from './foreachExpansion';
import { interpolate, type InterpolationScope } from './interpolation';
import { isComposite, isParamList, pythonStr, pythonTypeName, type ParamValue } from './paramValue';
import { isWholeInterpolation, resolveLiteral } from './literalData';
import { mapEntries, seqItems } from './yamlNodes';

/** More combinations than anyone can read in a tree; stop instead of freezing the editor. */
const maxCombinations = 100_000;

interface MatrixAxis {
  readonly name: string;
  readonly values: readonly ParamValue[];
  readonly fromVariable: (index: number) => boolean;
}

export function expandMatrix(node: Node | null, doc: Document, scope: InterpolationScope): ExpansionResult {
  if (!isMap(node))
    return {
      ok: false,
      message: "'matrix' must be a mapping of names to lists of values",
      ...(node ? { node } : {}),
    };
  const axes: MatrixAxis[] = [];
  for (const entry of mapEntries(node, doc)) {
    if (typeof entry.key !== 'string') {
      return {
        ok: false,
        message: "'matrix' keys must be names",
        ...(entry.keyNode ? { node: entry.keyNode } : {}),
      };
    }
    const axis = readAxis(entry.key, entry.valueNode, doc, scope);
    if (!('values' in axis)) return axis;
    axes.push(axis);
  }
  const total = axes.reduce((product, axis) => product * axis.values.length, 1);
  if (total > maxCombinations)
    return { ok: false, message: `'matrix' has ${total} combinations, too many to list`, node };
  return { ok: true, iterations: combinations(axes) };
}

function readAxis(
  name: string,
  valueNode: Node | null,
  doc: Document,
  scope: InterpolationScope,
): MatrixAxis | Extract<ExpansionResult, { ok: false }> {
  if (isScalar(valueNode) && typeof valueNode.value === 'string') {
    const result = interpolate(valueNode.value, scope, undefined);
    if (!result.ok)
      return {
        ok: false,
        message: result.message,
        node: valueNode,
        ...(result.match ? { match: result.match } : {}),
      };
    if (!isParamList(result.value)) {
      return {
        ok: false,
        message: `matrix '${name}' must be a list (got ${pythonTypeName(result.value)})`,
        node: valueNode,
      };
    }
    const whole = isWholeInterpolation(valueNode);
    return { name, values: result.value, fromVariable: () => whole };
  }
  if (!isSeq(valueNode)) {
    return {
      ok: false,
      message: `matrix '${name}' must be a list of values`,
      ...(valueNode ? { node: valueNode } : {}),
    };
  }
  const resolved = resolveLiteral(valueNode, doc, scope, false);
  if (!resolved.ok) return resolved;
  const items = seqItems(valueNode.items, doc);
  const values = isParamList(resolved.value) ? resolved.value : [];
  return { name, values, fromVariable: (index) => isWholeInterpolation(items[index] ?? null) };
}

function combinations(axes: readonly MatrixAxis[]): Iteration[] {
  const byKey = new Map<string, Map<string, ParamValue>>();
  const indexes = axes.map(() => 0);
  if (axes.some((axis) => axis.values.length === 0)) return [];
  for (;;) {
    const item = new Map<string, ParamValue>();
    const fragments: string[] = [];
    axes.forEach((axis, axisIndex) => {
      const index = indexes[axisIndex] ?? 0;
      const value = axis.values[index] ?? null;
      item.set(axis.name, value);
      fragments.push(
        isComposite(value) ? `${axis.name}${index}` : pythonStr(value, axis.fromVariable(index)),
      );
    });
    byKey.set(fragments.join('-'), item);
    let axisIndex = axes.length - 1;
    while (axisIndex >= 0 && (indexes[axisIndex] ?? 0) + 1 >= (axes[axisIndex]?.values.length ?? 0)) {
      indexes[axisIndex] = 0;
      axisIndex--;
    }
    if (axisIndex < 0) break;
    indexes[axisIndex] = (indexes[axisIndex] ?? 0) + 1;
  }
  return [...byKey].map(([key, item]) => ({
    key,
    bindings: new Map<string, ParamValue>([
      ['item', item],
      ['key', key],
    ]),
  }));
}
