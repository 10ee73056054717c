/**
 * Adding an entry to a top-level section of dvc.yaml (`plots:`, `artifacts:`) as a text insertion, so the
 * rest of the file stays as the person wrote it. What Add Plot and Declare Artifact share: parse the file,
 * find the section, and when it is absent or empty write the entry at once; a present section is left to the
 * caller, which knows whether it is a list or a mapping.
 */
import { isMap, isScalar, parseDocument, type Node } from 'yaml';

/** Insert `text` at `offset` of the original text. */
export interface TextInsertion {
  readonly offset: number;
  readonly text: string;
}

export type SectionInsertionResult =
  { readonly ok: true; readonly insertion: TextInsertion } | { readonly ok: false; readonly reason: string };

/** The section's node when it has content; otherwise the result (the entry inserted, or why not). */
export type TopLevelSection = { readonly section: Node } | { readonly result: SectionInsertionResult };

/**
 * Finds the top-level `name` section of dvc.yaml's text. `entryLines(indent)` are the new entry's lines at
 * that indentation, used when the section is absent (it is made at the end of the file) or empty (the entry
 * goes right below its key).
 */
export function topLevelSection(
  text: string,
  name: string,
  entryLines: (indent: number) => readonly string[],
): TopLevelSection {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0)
    return {
      result: {
        ok: false,
        reason: `dvc.yaml does not parse: ${doc.errors[0]?.message ?? 'YAML error'}. Fix it first.`,
      },
    };
  const root = doc.contents;
  if (root !== null && !isMap(root))
    return { result: { ok: false, reason: 'dvc.yaml is not a mapping of sections.' } };
  const pair = root?.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === name);
  if (pair && pair.value !== null && !(isScalar(pair.value) && pair.value.value === null))
    return { section: pair.value as Node };
  const lines = entryLines(2).join('\n');
  if (pair) {
    // `name:` with nothing under it: the entry goes right below the key.
    const at = endOfLine(text, (pair.key as Node).range?.[1] ?? text.length);
    return { result: { ok: true, insertion: { offset: at, text: `${newlineBefore(text, at)}${lines}\n` } } };
  }
  const ending = text.length === 0 || text.endsWith('\n') ? '' : '\n';
  return { result: { ok: true, insertion: { offset: text.length, text: `${ending}${name}:\n${lines}\n` } } };
}

/** The entry's lines after the section's last line (its range may stop before trailing comments on it). */
export function insertAfter(text: string, end: number, lines: readonly string[]): TextInsertion {
  const at = endOfLine(text, Math.max(end - 1, 0));
  return { offset: at, text: `${newlineBefore(text, at)}${lines.join('\n')}\n` };
}

/** Where the next line starts after `offset` (the text's end when it has no further newline). */
function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

function newlineBefore(text: string, at: number): string {
  return at > 0 && text[at - 1] !== '\n' ? '\n' : '';
}
