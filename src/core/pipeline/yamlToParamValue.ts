/** Turns a parsed YAML node into a {@link ParamValue}, telling integers from floats by their source text. */
import { isMap, isScalar, isSeq, type Document, type Node, type Scalar } from 'yaml';
import { exactInteger, PythonFloat, pythonStr, type ParamScalar, type ParamValue } from './paramValue';
import { mapEntries, seqItems } from './yamlNodes';

/** What to do with mapping keys that are not strings (`1: a`). */
export type NonStringKeys =
  /** DVC's interpolation context ignores them (params files, `vars`). */
  | 'skip'
  /** A literal `foreach` dict keeps them, written with Python's `str()`. */
  | 'stringify';

const integerSource = /^[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const floatTag = 'tag:yaml.org,2002:float';

export function scalarToParamValue(node: Scalar): ParamScalar {
  const value: unknown = node.value;
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'number') {
    const writtenAsInteger =
      node.type === 'PLAIN' && integerSource.test(node.source ?? '') && node.tag !== floatTag;
    return writtenAsInteger ? value : new PythonFloat(value);
  }
  if (typeof value === 'bigint') return exactInteger(value);
  // The core schema yields nothing else; a merge-key symbol or an unknown tag's object is not a value.
  return null;
}

export function yamlToParamValue(
  node: Node | null,
  doc: Document,
  nonStringKeys: NonStringKeys,
  depth = 0,
): ParamValue {
  if (node === null || depth > 64) return null;
  if (isScalar(node)) return scalarToParamValue(node);
  if (isSeq(node))
    return seqItems(node.items, doc).map((item) => yamlToParamValue(item, doc, nonStringKeys, depth + 1));
  if (isMap(node)) {
    const result = new Map<string, ParamValue>();
    for (const entry of mapEntries(node, doc)) {
      let key: string | undefined;
      if (typeof entry.key === 'string') key = entry.key;
      else if (nonStringKeys === 'stringify' && entry.keyNode)
        key = pythonStr(scalarToParamValue(entry.keyNode));
      if (key !== undefined)
        result.set(key, yamlToParamValue(entry.valueNode, doc, nonStringKeys, depth + 1));
    }
    return result;
  }
  return null;
}
