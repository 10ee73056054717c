/**
 * The Argo CD way of deploying: the new model version is written into a deployment manifest (a Kustomize or
 * Helm values file) at a key the person names, and committed, so Argo CD syncs it. Only the value's text is
 * replaced, so every other byte of the file (comments, quoting, order) stays as written.
 */
import { isMap, isScalar, parseDocument, type Node } from 'yaml';

export type ManifestUpdate =
  | { readonly ok: true; readonly text: string; readonly previous: string | undefined }
  | { readonly ok: false; readonly reason: string };

/** `image.tag` or `spec.model.version` into its keys (a key with a dot is not supported, said by the caller). */
export function manifestKeyPath(key: string): string[] {
  return key.split('.').filter((part) => part.length > 0);
}

/**
 * `text` with the value at `key` (dotted) set to `value`. A missing last key is added to its parent mapping
 * (block style, the parent's indentation); a missing parent is refused with the reason.
 */
export function setManifestValue(text: string, key: string, value: string): ManifestUpdate {
  const path = manifestKeyPath(key);
  const last = path.at(-1);
  if (!last) return { ok: false, reason: 'The manifest key is empty.' };
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0)
    return { ok: false, reason: `The manifest does not parse: ${doc.errors[0]?.message ?? 'YAML error'}.` };
  let parent: Node | null = doc.contents;
  for (const part of path.slice(0, -1)) {
    if (!isMap(parent))
      return { ok: false, reason: `'${part}' of ${key} is not inside a mapping in the manifest.` };
    const next = parent.get(part, true) as Node | undefined;
    if (!next) return { ok: false, reason: `The manifest has no '${part}' (of ${key}).` };
    parent = next;
  }
  if (!isMap(parent)) return { ok: false, reason: `The parent of ${key} is not a mapping in the manifest.` };
  if (parent.flow)
    return { ok: false, reason: `The parent of ${key} is a one-line { } mapping; edit it by hand.` };
  const rendered = JSON.stringify(value);
  const existing = parent.get(last, true) as Node | undefined;
  if (existing) {
    if (!isScalar(existing) || !existing.range)
      return { ok: false, reason: `${key} in the manifest is not a single value.` };
    const [start, end] = existing.range;
    const raw: unknown = existing.value;
    const previous =
      typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
        ? String(raw)
        : undefined;
    const replacement =
      existing.type === 'PLAIN' && /^[A-Za-z0-9_.\-+:@/]+$/.test(value) && !/^[\d.+-]+$/.test(value)
        ? value
        : existing.type === 'QUOTE_SINGLE'
          ? `'${value.replace(/'/g, "''")}'`
          : rendered;
    return { ok: true, text: text.slice(0, start) + replacement + text.slice(end), previous };
  }
  const firstKey = parent.items[0]?.key as Node | undefined;
  const keyStart = firstKey?.range?.[0];
  const indent = keyStart === undefined ? 0 : keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  const end = parent.range?.[1] ?? text.length;
  const newline = text.indexOf('\n', Math.max(end - 1, 0));
  const at = newline === -1 ? text.length : newline + 1;
  const before = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
  const line = `${before}${' '.repeat(indent)}${last}: ${rendered}\n`;
  return { ok: true, text: text.slice(0, at) + line + text.slice(at), previous: undefined };
}
