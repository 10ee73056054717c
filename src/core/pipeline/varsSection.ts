/**
 * A `vars` list (top level or in a stage): file names (`file.yaml`, `file.yaml:a,b`) and inline dicts,
 * merged into a {@link VariablesContext} in order. DVC refuses `${...}` anywhere inside `vars`.
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { hasInterpolation } from './interpolation';
import { isParamMap } from './paramValue';
import type { VariablesContext, VarsFileReader } from './variablesContext';
import { describeNode, mapEntries, seqItems } from './yamlNodes';
import { yamlToParamValue } from './yamlToParamValue';

export interface VarsSectionInput {
  readonly node: Node | null;
  readonly doc: Document;
  readonly variables: VariablesContext;
  /** Folder the file names are relative to, inside the pipeline folder. */
  readonly wdir: string;
  readonly readFile: VarsFileReader;
  /** Prefix of inline source names in messages: '' for `vars[0]`, `train.` for `train.vars[0]`. */
  readonly sourcePrefix: string;
  /** `item`/`key` inside foreach and matrix stages, which vars may not redefine. */
  readonly reserved?: ReadonlySet<string>;
  readonly report: (message: string, node: Node | null) => void;
}

export function mergeVarsSection(input: VarsSectionInput): void {
  const { node, doc, variables, report } = input;
  if (!isSeq(node)) {
    report(`'vars' must be a list of file names and mappings, not ${describeNode(node)}`, node);
    return;
  }
  seqItems(node.items, doc).forEach((entry, index) => {
    const interpolated = findInterpolatedString(entry, doc);
    if (interpolated) {
      report(`'vars' cannot use \${...} interpolation`, interpolated);
      return;
    }
    let failure: string | undefined;
    if (isScalar(entry) && typeof entry.value === 'string') {
      failure = variables.mergeFile(entry.value, input.wdir, input.readFile, input.reserved);
    } else if (isMap(entry)) {
      const values = yamlToParamValue(entry, doc, 'skip');
      if (isParamMap(values))
        failure = variables.mergeInline(values, `${input.sourcePrefix}vars[${index}]`, input.reserved);
    } else {
      failure = `each entry of 'vars' must be a file name or a mapping, not ${describeNode(entry)}`;
    }
    if (failure) report(`'vars': ${failure}`, entry ?? node);
  });
}

function findInterpolatedString(node: Node | null, doc: Document, depth = 0): Node | undefined {
  if (node === null || depth > 64) return undefined;
  if (isScalar(node))
    return typeof node.value === 'string' && hasInterpolation(node.value) ? node : undefined;
  if (isSeq(node)) {
    for (const item of seqItems(node.items, doc)) {
      const found = findInterpolatedString(item, doc, depth + 1);
      if (found) return found;
    }
  } else if (isMap(node)) {
    for (const entry of mapEntries(node, doc)) {
      const found =
        (entry.keyNode && findInterpolatedString(entry.keyNode, doc, depth + 1)) ||
        findInterpolatedString(entry.valueNode, doc, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}
