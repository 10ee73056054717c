/**
 * What the cursor is on in a dvc.yaml that is being edited: a stage's name, an entry of its `params:` or
 * `deps:` list, or something else. Works on lines, not on the parsed document, because a half-typed entry
 * (`    - tr`) is exactly when completion is asked for and the document may not parse then. Block-style YAML
 * only; flow lists (`deps: [a, b]`) are not recognized.
 */

export type CursorContext =
  | { readonly kind: 'stageName'; readonly stage: string }
  /** In a `params:` list; `file` is set inside `- other.yaml: [...]` (block style), else params.yaml. */
  | { readonly kind: 'paramsList'; readonly stage: string; readonly file?: string; readonly typed: string }
  | { readonly kind: 'depsList'; readonly stage: string; readonly typed: string }
  | { readonly kind: 'none' };

interface Line {
  readonly index: number;
  readonly indent: number;
  readonly text: string;
}

const none: CursorContext = { kind: 'none' };

export function cursorContextAt(text: string, line: number, character: number): CursorContext {
  const lines = text.split(/\r?\n/);
  const current = lines[line];
  if (current === undefined) return none;
  const before = current.slice(0, character);
  const stageKey = /^(\s+)("[^"]*"|'[^']*'|[^\s:#'"][^:#]*?)\s*:/.exec(current);
  if (stageKey?.[1] !== undefined && stageKey[2] !== undefined && character <= stageKey[0].length) {
    const parent = parentOf(lines, line, stageKey[1].length);
    if (parent && parent.indent === 0 && /^stages\s*:\s*(?:#.*)?$/.test(parent.text.trim()))
      return { kind: 'stageName', stage: unquote(stageKey[2]) };
  }
  const item = /^(\s*)-\s*(.*)$/.exec(before) ?? /^(\s*)()$/.exec(before);
  if (item?.[1] === undefined) return none;
  const typed = (item[2] ?? '').trim();
  if (typed.includes(':')) return none;
  const parent = parentOf(lines, line, item[1].length);
  if (!parent) return none;
  const field = /^(?:-\s*)?("[^"]*"|'[^']*'|[^\s:#'"][^:#]*?)\s*:\s*(?:#.*)?$/.exec(parent.text.trim());
  if (field?.[1] === undefined) return none;
  const name = unquote(field[1]);
  if (name === 'params' || name === 'deps') {
    const stage = stageAbove(lines, parent);
    if (stage === undefined) return none;
    return name === 'params' ? { kind: 'paramsList', stage, typed } : { kind: 'depsList', stage, typed };
  }
  // `- other.yaml:` inside `params:` holds the keys of that file.
  if (parent.text.trim().startsWith('-')) {
    const list = parentOf(lines, parent.index, parent.indent);
    if (list && /^params\s*:\s*(?:#.*)?$/.test(list.text.trim())) {
      const stage = stageAbove(lines, list);
      if (stage !== undefined) return { kind: 'paramsList', stage, file: name, typed };
    }
  }
  return none;
}

/** The nearest line above `line` indented less than `indent` (blank lines and comments skipped). */
function parentOf(lines: readonly string[], line: number, indent: number): Line | undefined {
  for (let index = line - 1; index >= 0; index--) {
    const text = lines[index] ?? '';
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const lineIndent = text.length - text.trimStart().length;
    if (lineIndent < indent) return { index, indent: lineIndent, text };
  }
  return undefined;
}

/** The key under top-level `stages:` that holds `start`. */
function stageAbove(lines: readonly string[], start: Line): string | undefined {
  let child = start;
  for (let parent = parentOf(lines, child.index, child.indent); parent;) {
    if (parent.indent === 0) {
      if (!/^stages\s*:\s*(?:#.*)?$/.test(parent.text.trim())) return undefined;
      const key = /^("[^"]*"|'[^']*'|[^:#]+?)\s*:/.exec(child.text.trim());
      return key?.[1] === undefined ? undefined : unquote(key[1]);
    }
    child = parent;
    parent = parentOf(lines, child.index, child.indent);
  }
  return undefined;
}

function unquote(text: string): string {
  return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}
