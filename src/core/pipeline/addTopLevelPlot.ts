/**
 * Adds a plot definition to dvc.yaml's top-level `plots:` list as a text insertion, so every other byte of the
 * file (comments, quoting, blank lines, key order) stays as the person wrote it. Re-serializing the parsed
 * document would normalize all of those. DVC itself has no command that writes top-level plots.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import {
  insertAfter,
  topLevelSection,
  type SectionInsertionResult,
  type TextInsertion,
} from './topLevelSection';

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

export type { TextInsertion } from './topLevelSection';
export type AddPlotResult = SectionInsertionResult;

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

export function addTopLevelPlot(text: string, definition: PlotDefinition): AddPlotResult {
  if (definition.y.length === 0) return { ok: false, reason: 'A plot needs at least one y field.' };
  const found = topLevelSection(text, 'plots', (indent) => plotItemLines(definition, indent));
  if ('result' in found) return found.result;
  const plots = found.section;
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
  return { ok: true, insertion: insertAfter(text, end, plotItemLines(definition, indent)) };
}

/** The text with the insertion applied (for tests and for writing a file that is not open). */
export function applyInsertion(text: string, insertion: TextInsertion): string {
  return text.slice(0, insertion.offset) + insertion.text + text.slice(insertion.offset);
}
