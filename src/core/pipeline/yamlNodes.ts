/**
 * Walking the yaml package's AST the way a YAML loader would: aliases are followed and `<<` merge keys are
 * flattened (DVC's loader, ruamel.yaml, supports both), while every node keeps its position in the text.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type Node,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { checkedAliasTarget } from '../parseLimits/yamlLimits';

/** One effective key/value of a mapping after merge keys are applied. */
export interface YamlEntry {
  /** The key as loaded: strings for ordinary keys, other scalars (numbers, booleans, null) as they are. */
  readonly key: unknown;
  readonly keyNode: Scalar | undefined;
  readonly valueNode: Node | null;
}

/**
 * Follows aliases (bounded, so that a self-referencing alias cannot loop). Documents parsed within the parse
 * budgets know each alias's target; others pay the yaml package's walk over the document.
 */
export function resolveNode(node: unknown, doc: Document): Node | null {
  let current: unknown = node;
  for (let hops = 0; hops < 16 && isAlias(current); hops++) {
    const known = checkedAliasTarget(current);
    current = known === undefined ? (current.resolve(doc) ?? null) : known;
  }
  return isAlias(current) ? null : ((current as Node | null | undefined) ?? null);
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (typeof key.value === 'symbol' || (key.source === '<<' && key.type === 'PLAIN'));
}

/** The maps a `<<` value names: one map, an alias of one, or a list of those. */
function mergedMaps(value: unknown, doc: Document): YAMLMap[] {
  const node = resolveNode(value, doc);
  if (isMap(node)) return [node];
  if (!isSeq(node)) return [];
  return node.items.map((item) => resolveNode(item, doc)).filter((item): item is YAMLMap => isMap(item));
}

/** Entries per mapping: foreach templates are read once per generated stage, and both parse phases walk the
 * same (cached) document. The AST is never changed after parsing, so the memo cannot go stale. */
const entriesOfMap = new WeakMap<YAMLMap, readonly YamlEntry[]>();

/**
 * The entries of a mapping as a loader sees them: merged entries first (earlier merge sources win over later
 * ones), explicit keys override merged ones, and a repeated key keeps its first position with its last value.
 */
export function mapEntries(map: YAMLMap, doc: Document, depth = 0): readonly YamlEntry[] {
  const known = entriesOfMap.get(map);
  if (known) return known;
  const entries = collectEntries(map, doc, depth);
  entriesOfMap.set(map, entries);
  return entries;
}

function collectEntries(map: YAMLMap, doc: Document, depth: number): readonly YamlEntry[] {
  const ordered: YamlEntry[] = [];
  const explicit: YamlEntry[] = [];
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    if (isMergeKey(pair.key)) {
      if (depth > 16) continue;
      const sources = mergedMaps(pair.value, doc).reverse();
      for (const source of sources) ordered.push(...mapEntries(source, doc, depth + 1));
      continue;
    }
    const keyNode = isScalar(pair.key) ? pair.key : undefined;
    const key: unknown = keyNode ? keyNode.value : pair.key;
    explicit.push({ key, keyNode, valueNode: resolveNode(pair.value, doc) });
  }
  // A repeated key is a YAML error (reported by findDuplicateKeys); readers still see each key once.
  if (ordered.length === 0 && !hasRepeatedKey(explicit)) return explicit;
  ordered.push(...explicit);
  const byKey = new Map<unknown, number>();
  const result: YamlEntry[] = [];
  for (const entry of ordered) {
    const index = byKey.get(entry.key);
    if (index === undefined) {
      byKey.set(entry.key, result.length);
      result.push(entry);
    } else {
      result[index] = entry;
    }
  }
  return result;
}

/** Most mappings have a handful of keys: comparing pairs is cheaper than building a Set for each. */
export function hasRepeatedKey(entries: readonly { readonly key: unknown }[]): boolean {
  if (entries.length > 12) return new Set(entries.map((entry) => entry.key)).size !== entries.length;
  for (let index = 1; index < entries.length; index++) {
    const key = entries[index]?.key;
    for (let earlier = 0; earlier < index; earlier++) if (entries[earlier]?.key === key) return true;
  }
  return false;
}

/** The items of a sequence with aliases followed. */
export function seqItems(items: readonly unknown[], doc: Document): (Node | null)[] {
  return items.map((item) => resolveNode(item, doc));
}

/** A short description of what a node is, for "expected X, got Y" messages. */
export function describeNode(node: Node | null): string {
  if (node === null) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const value = node.value;
    if (value === null) return 'null';
    if (typeof value === 'string') return 'a string';
    if (typeof value === 'number') return 'a number';
    if (typeof value === 'boolean') return 'a boolean';
  }
  return 'a value';
}
