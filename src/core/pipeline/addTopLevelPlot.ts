/**
 * Adds a plot definition to dvc.yaml's top-level `plots:` list as a text insertion, so every other byte of the
 * file (comments, quoting, blank lines, key order) stays as the person wrote it. Re-serializing the parsed
 * document would normalize all of those. DVC itself has no command that writes top-level plots.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';

export interface PlotDefinition {
  /** The data file, relative to the dvc.yaml folder, `/`-separated (`plots/loss.csv`). */
  readonly file: string;
  /** The x field; undefined lets DVC use the row index (`step`). */
  readonly x?: string;
  /** One or more y fields of the file. */
  readonly y: readonly string[];
  /** A DVC template (`linear`, `simple`, `scatter`, `smooth`, `confusion`...); undefined: DVC's default. */
  readonly template?: string;
  readonly title?: string;
}

/** Insert `text` at `offset` of the original text. */
export interface TextInsertion {
  readonly offset: number;
  readonly text: string;
}

export type AddPlotResult =
  { readonly ok: true; readonly insertion: TextInsertion } | { readonly ok: false; readonly reason: string };

/** A YAML scalar as written by hand: plain when safe, else double-quoted (JSON strings are valid YAML). */
export function yamlScalar(value: string): string {
  const plain =
    /^[A-Za-z0-9_./][A-Za-z0-9_./ -]*$/.test(value) &&
    !/ $/.test(value) &&
    !/^(true|false|yes|no|on|off|null|~)$/i.test(value) &&
    !/^[-+]?(\d|\.\d)/.test(value);
  return plain ? value : JSON.stringify(value);
}

/** The lines of the new list item, indented by `indent` spaces (the list's own indentation). */
export function plotItemLines(definition: PlotDefinition, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const field = `${pad}    `;
  const lines = [`${pad}- ${yamlScalar(definition.file)}:`];
  if (definition.title) lines.push(`${field}title: ${yamlScalar(definition.title)}`);
  if (definition.template) lines.push(`${field}template: ${yamlScalar(definition.template)}`);
  if (definition.x) lines.push(`${field}x: ${yamlScalar(definition.x)}`);
  const [first, ...more] = definition.y;
  if (first !== undefined && more.length === 0) lines.push(`${field}y: ${yamlScalar(first)}`);
  else if (first !== undefined) {
    lines.push(`${field}y:`);
    for (const y of definition.y) lines.push(`${field}  - ${yamlScalar(y)}`);
  }
  return lines;
}

function plotIds(plots: Node): string[] {
  if (!isSeq(plots)) return [];
  return plots.items.flatMap((item) => {
    if (isScalar(item)) return [String(item.value)];
    if (isMap(item)) return item.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''));
    return [];
  });
}

/** Where the next line starts after `offset` (the text's end when it has no further newline). */
function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

export function addTopLevelPlot(text: string, definition: PlotDefinition): AddPlotResult {
  if (definition.y.length === 0) return { ok: false, reason: 'A plot needs at least one y field.' };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0)
    return {
      ok: false,
      reason: `dvc.yaml does not parse: ${doc.errors[0]?.message ?? 'YAML error'}. Fix it first.`,
    };
  const root = doc.contents;
  if (root !== null && !isMap(root)) return { ok: false, reason: 'dvc.yaml is not a mapping of sections.' };
  const pair = root?.items.find((candidate) => isScalar(candidate.key) && candidate.key.value === 'plots');
  const ending = text.length === 0 || text.endsWith('\n') ? '' : '\n';
  if (!pair || pair.value === null || (isScalar(pair.value) && pair.value.value === null)) {
    if (pair) {
      // `plots:` with nothing under it: the list goes right below the key.
      const keyNode = pair.key as Node;
      const at = endOfLine(text, keyNode.range?.[1] ?? text.length);
      const before = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
      return {
        ok: true,
        insertion: { offset: at, text: `${before}${plotItemLines(definition, 2).join('\n')}\n` },
      };
    }
    return {
      ok: true,
      insertion: {
        offset: text.length,
        text: `${ending}plots:\n${plotItemLines(definition, 2).join('\n')}\n`,
      },
    };
  }
  const plots = pair.value as Node;
  if (!isSeq(plots)) return { ok: false, reason: "dvc.yaml's 'plots' is not a list; add the plot by hand." };
  if (plots.flow)
    return { ok: false, reason: "dvc.yaml's 'plots' is a one-line [ ] list; add the plot by hand." };
  if (plotIds(plots).includes(definition.file))
    return { ok: false, reason: `dvc.yaml already has a plot named ${definition.file}.` };
  const last = plots.items[plots.items.length - 1] as Node | undefined;
  const firstItem = plots.items[0] as Node | undefined;
  // The list's indentation: the column of its first `-`, found from the first item's start.
  const itemStart = firstItem?.range?.[0] ?? plots.range?.[0] ?? 0;
  const lineStart = text.lastIndexOf('\n', itemStart - 1) + 1;
  const dash = text.slice(lineStart, itemStart).indexOf('-');
  const indent = dash >= 0 ? dash : 2;
  const end = last?.range?.[1] ?? plots.range?.[1] ?? text.length;
  // After the last item's last line (its range may stop before trailing comments on that line).
  const at = endOfLine(text, Math.max(end - 1, 0));
  const before = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
  return {
    ok: true,
    insertion: { offset: at, text: `${before}${plotItemLines(definition, indent).join('\n')}\n` },
  };
}

/** The text with the insertion applied (for tests and for writing a file that is not open). */
export function applyInsertion(text: string, insertion: TextInsertion): string {
  return text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset);
}
