/**
 * Which param a line of a TOML params file holds: `[section]` / `[a.b]` headers set the prefix and
 * `key = value` lines (bare, quoted or dotted keys) give `prefix.key`, the dotted path DVC uses. Lines inside a
 * multi-line array or string are skipped, and so are `[[array]]` tables (DVC addresses their items by index,
 * which no line names).
 */
import { isTooLargeText } from '../parseLimits/parseLimits';

const BARE_KEY = /^[A-Za-z0-9_-]+/;

/** `a."b.c".d` -> ['a', 'b.c', 'd']; undefined when the text does not start with a key. */
function readKey(text: string): { parts: string[]; rest: string } | undefined {
  const parts: string[] = [];
  let rest = text.trimStart();
  for (;;) {
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      const end = rest.indexOf(quote, 1);
      if (end < 0) return undefined;
      parts.push(rest.slice(1, end));
      rest = rest.slice(end + 1).trimStart();
    } else {
      const bare = BARE_KEY.exec(rest)?.[0];
      if (!bare) return undefined;
      parts.push(bare);
      rest = rest.slice(bare.length).trimStart();
    }
    if (!rest.startsWith('.')) return { parts, rest };
    rest = rest.slice(1).trimStart();
  }
}

/** How a value continues past its line: an open array's depth, or an open multi-line string. */
function openAfter(value: string, depth: number): { depth: number; string: string | undefined } {
  let level = depth;
  for (let index = 0; index < value.length; index++) {
    const rest = value.slice(index);
    for (const quotes of ['"""', "'''"])
      if (rest.startsWith(quotes)) {
        const end = value.indexOf(quotes, index + 3);
        if (end < 0) return { depth: level, string: quotes };
        index = end + 2;
      }
    const char = value[index];
    if (char === '#') break;
    if (char === '"' || char === "'") {
      const end = value.indexOf(char, index + 1);
      index = end < 0 ? value.length : end;
    } else if (char === '[' || char === '{') level++;
    else if (char === ']' || char === '}') level--;
  }
  return { depth: Math.max(0, level), string: undefined };
}

export function tomlKeyLines(text: string): Map<number, string> {
  const lines = new Map<number, string>();
  if (isTooLargeText(text)) return lines;
  let prefix: string[] | undefined = [];
  let depth = 0;
  let openString: string | undefined;
  text.split(/\r?\n/).forEach((line, number) => {
    if (openString) {
      if (line.includes(openString)) openString = undefined;
      return;
    }
    if (depth > 0) {
      depth = openAfter(line, depth).depth;
      return;
    }
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    if (trimmed.startsWith('[[')) return void (prefix = undefined);
    if (trimmed.startsWith('[')) {
      const header = readKey(trimmed.slice(1));
      prefix = header?.rest.startsWith(']') ? header.parts : undefined;
      return;
    }
    const entry = readKey(trimmed);
    if (!entry?.rest.startsWith('=')) return;
    const open = openAfter(entry.rest.slice(1), 0);
    depth = open.depth;
    openString = open.string;
    if (prefix) lines.set(number, [...prefix, ...entry.parts].join('.'));
  });
  return lines;
}
