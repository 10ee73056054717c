/**
 * Repeated mapping keys, found in one pass. The yaml package can check this itself, but its check compares
 * each key with every earlier one: quadratic in the keys of a map, which costs about a tenth of the whole
 * parse for a 1,000-stage `stages:` (measured). DVC's loader refuses repeated keys, so they are still told.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Scalar } from 'yaml';
import { hasRepeatedKey } from './yamlNodes';

function repeats(keys: readonly { readonly key: unknown; readonly node: Scalar }[]): Scalar[] {
  const seen = new Set<unknown>();
  const repeated: Scalar[] = [];
  for (const { key, node } of keys) {
    if (seen.has(key)) repeated.push(node);
    else seen.add(key);
  }
  return repeated;
}

/** Every key that repeats an earlier key of the same mapping (the later occurrences). */
export function findDuplicateKeys(doc: Document): Scalar[] {
  const duplicates: Scalar[] = [];
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isSeq(node)) {
      // One push per item: spreading a list of a million items would overflow the stack.
      for (const item of node.items) pending.push(item);
    } else if (isMap(node)) {
      const keys: { readonly key: unknown; readonly node: Scalar }[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        // Merge keys (`<<`) may repeat; aliases are not followed (they point at nodes visited anyway).
        if (isScalar(key) && typeof key.value !== 'symbol') keys.push({ key: key.value, node: key });
        else if (isMap(key) || isSeq(key)) pending.push(key);
        pending.push(pair.value);
      }
      if (hasRepeatedKey(keys)) duplicates.push(...repeats(keys));
    }
  }
  return duplicates;
}
