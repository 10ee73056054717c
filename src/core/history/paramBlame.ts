/**
 * Param blame: for each param, the commit that last changed its value. The caller walks the commits that
 * touched the params file (`git log -- <file>`, newest first) and reads the file before and after each
 * one (`git show <sha>^:<file>` and `<sha>:<file>`): a commit that changed a key's value is that key's
 * blame, and a key resolved once is never looked at again, so the walk stops as soon as every key is
 * resolved. Reading whole files per commit (rather than `git log -L` per key) costs two reads per touching
 * commit for all keys at once and is immune to keys moving between lines.
 */
import type { FlatParams } from './flatParams';

/** One commit that touched the params file, with the file's values on both sides of it. */
export interface ParamsFileStep {
  readonly sha: string;
  /** Undefined: the file did not exist (or did not parse) before this commit. */
  readonly before: FlatParams | undefined;
  readonly after: FlatParams | undefined;
}

/** Where one key's current value comes from. */
export type ParamBlame =
  | { readonly kind: 'commit'; readonly sha: string; readonly previous: string | undefined }
  /** Not found within the walked commits (the cap was reached, or history is shallow). */
  | { readonly kind: 'beyond' }
  /** The key is not committed at HEAD (a workspace-only change). */
  | { readonly kind: 'uncommitted' };

/** `key -> blame` for every key of `head` (the file's values at HEAD). */
export function blameParams(head: FlatParams, steps: readonly ParamsFileStep[]): Map<string, ParamBlame> {
  const result = new Map<string, ParamBlame>();
  const open = new Set(Object.keys(head));
  for (const step of steps) {
    if (open.size === 0) break;
    for (const key of [...open]) {
      const after = step.after?.[key];
      const before = step.before?.[key];
      if (after === before) continue;
      result.set(key, { kind: 'commit', sha: step.sha, previous: before });
      open.delete(key);
    }
  }
  for (const key of open) result.set(key, { kind: 'beyond' });
  return result;
}

/** Blame of a workspace value: keys whose workspace value differs from HEAD are not committed yet. */
export function withWorkspace(
  blame: ReadonlyMap<string, ParamBlame>,
  head: FlatParams,
  workspace: FlatParams,
): Map<string, ParamBlame> {
  const result = new Map(blame);
  for (const [key, value] of Object.entries(workspace))
    if (head[key] !== value) result.set(key, { kind: 'uncommitted' });
  return result;
}
