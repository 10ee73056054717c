/**
 * Where a dotted params key is written in its params file, for go-to-definition and for problems. YAML and
 * JSON are walked through the `yaml` package's nodes; TOML has no position-keeping parser at hand, so its
 * lines are searched (tables `[a.b]`, dotted and quoted keys; inline tables and multi-line values are not
 * followed, a best effort that finds what params files usually hold).
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { parseYamlWithinLimits } from '../../parseLimits/yamlLimits';
import type { SourceRange } from '../model';
import { LineIndex } from '../yamlPosition';
import type { ParamsFormat } from './paramsFormat';

export function findParamKeyRange(
  paramsText: string,
  format: ParamsFormat,
  dottedKey: string,
): SourceRange | undefined {
  if (format === 'python') return undefined;
  if (format === 'toml') return findTomlKeyRange(paramsText, dottedKey);
  const { doc, breach } = parseYamlWithinLimits('params', paramsText, {
    uniqueKeys: false,
    prettyErrors: false,
  });
  if (breach) return undefined;
  const node = findYamlKey(doc.contents, dottedKey);
  return node ? new LineIndex(paramsText).rangeOf(node) : undefined;
}

/** The key node (or list item) that `rest` names below `node`; longer written keys win over splitting. */
function findYamlKey(node: unknown, rest: string): Node | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined || !isScalar(pair.key)) continue;
      if (key === rest) return pair.key;
      if (rest.startsWith(`${key}.`)) {
        const found = findYamlKey(pair.value, rest.slice(key.length + 1));
        if (found) return found;
      }
    }
    return undefined;
  }
  if (isSeq(node)) {
    const dot = rest.indexOf('.');
    const head = dot === -1 ? rest : rest.slice(0, dot);
    if (!/^\d+$/.test(head)) return undefined;
    const item: unknown = node.items[Number(head)];
    if (dot === -1) return isScalar(item) || isMap(item) || isSeq(item) ? item : undefined;
    return findYamlKey(item, rest.slice(dot + 1));
  }
  return undefined;
}

const tableHeader = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/;
const keyValue =
  /^(\s*)((?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'))*)\s*=/;

function findTomlKeyRange(text: string, dottedKey: string): SourceRange | undefined {
  const lines = text.split(/\r?\n/);
  let table = '';
  let sectionMatch: SourceRange | undefined;
  for (const [index, line] of lines.entries()) {
    const header = tableHeader.exec(line);
    if (header?.[1] !== undefined) {
      table = tomlKeyParts(header[1]).join('.');
      const start = line.indexOf(header[1]);
      const range = lineRange(index, start, start + header[1].length);
      if (table === dottedKey) return range;
      if (table.startsWith(`${dottedKey}.`)) sectionMatch ??= range;
      continue;
    }
    const entry = keyValue.exec(line);
    if (entry?.[2] === undefined) continue;
    const key = [table, ...tomlKeyParts(entry[2])].filter((part) => part !== '').join('.');
    const start = entry[1]?.length ?? 0;
    const range = lineRange(index, start, start + entry[2].length);
    if (key === dottedKey) return range;
    if (key.startsWith(`${dottedKey}.`)) sectionMatch ??= range;
  }
  return sectionMatch;
}

/** `a."b.c".d` → `a`, `b.c`, `d`. */
function tomlKeyParts(written: string): string[] {
  const parts: string[] = [];
  const part = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^.\s]+))\s*(?:\.|$)/gy;
  for (let match = part.exec(written); match; match = part.exec(written)) {
    parts.push(match[1] ?? match[2] ?? match[3] ?? '');
    if (part.lastIndex >= written.length) break;
  }
  return parts;
}

function lineRange(line: number, start: number, end: number): SourceRange {
  return { startLine: line, startCharacter: start, endLine: line, endCharacter: end };
}
