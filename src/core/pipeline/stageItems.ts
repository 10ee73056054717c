/**
 * The lists inside a stage: cmd, deps, outs, params, metrics and plots, each checked against DVC's schema
 * and interpolated. A malformed entry is reported and skipped; the rest of the list is still read.
 */
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { booleanOptionKeys, outputOptionKeys, plotOptionKeys } from './dvcYamlSchema';
import type { StageItem, StageItemKind } from './model';
import { defaultParamsFile } from './variablesContext';
import type { PipelineDocument } from './pipelineDocument';
import { joinPath } from './pipelinePaths';
import type { ProblemCollector } from './problemCollector';
import type { ScalarResolver } from './scalarResolver';
import { describeNode, mapEntries, seqItems, type YamlEntry } from './yamlNodes';

export interface ItemReadContext {
  readonly source: PipelineDocument;
  readonly problems: ProblemCollector;
  readonly resolver: ScalarResolver;
  /** How messages name the owner: `Stage "train"`. */
  readonly owner: string;
  /** The stage's working folder, relative to the dvc.yaml's folder ('' when none). */
  readonly wdir: string;
  /** False for the second and later stages generated from one template: its mistakes are told once. */
  readonly reportSchema: boolean;
}

/** Where to point for a field's problem: its value, or its key when the value is empty (`deps:`). */
export function placeOf(entry: YamlEntry): Node | undefined {
  const value = entry.valueNode;
  return value && !(isScalar(value) && value.value === null) ? value : entry.keyNode;
}

export function schemaError(context: ItemReadContext, message: string, node: Node | null | undefined): void {
  if (!context.reportSchema) return;
  context.problems.error(`${context.owner}: ${message}`, context.source.lines.rangeOf(node));
}

const remoteOrAbsolute = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/|[a-zA-Z]:[\\/])/i;

/** A written path made relative to the dvc.yaml's folder; URLs and absolute paths stay as written. */
export function itemPath(wdir: string, written: string): string {
  return remoteOrAbsolute.test(written) ? written : joinPath(wdir, written);
}

export function readCommands(field: YamlEntry, context: ItemReadContext): StageItem[] {
  const node = field.valueNode;
  if (isScalar(node) && typeof node.value === 'string') return [commandItem(node, context)];
  if (isSeq(node)) {
    const items: StageItem[] = [];
    for (const entry of seqItems(node.items, context.source.doc)) {
      if (isScalar(entry) && entry.value !== null && typeof entry.value !== 'object')
        items.push(commandItem(entry, context));
      else
        schemaError(
          context,
          `each command in 'cmd' must be a string, not ${describeNode(entry)}`,
          entry ?? node,
        );
    }
    return items;
  }
  schemaError(
    context,
    `'cmd' must be a string or a list of strings, not ${describeNode(node)}`,
    placeOf(field),
  );
  return [];
}

function commandItem(node: Scalar, context: ItemReadContext): StageItem {
  return {
    kind: 'cmd',
    label: context.resolver.text(node, 'cmd'),
    range: context.source.lines.rangeOf(node),
  };
}

/** `deps`: a list of paths. */
export function readDependencies(field: YamlEntry, context: ItemReadContext): StageItem[] {
  const items: StageItem[] = [];
  for (const entry of listEntries(field, 'deps', 'paths', context)) {
    if (isStringScalar(entry)) items.push(pathItem('dep', entry, entry, 'deps', context));
    else schemaError(context, `each entry of 'deps' must be a path, not ${describeNode(entry)}`, entry);
  }
  return items;
}

/** `outs` and `metrics`: paths, or `- path: {cache: false, ...}`. */
export function readOutputs(
  kind: 'out' | 'metric',
  name: 'outs' | 'metrics',
  field: YamlEntry,
  context: ItemReadContext,
): StageItem[] {
  return readFileEntries(kind, name, field, context, outputOptionKeys, false);
}

/** Stage `plots`: paths, or `- path: {x: ..., y: ...}` (or a list of such option sets). */
export function readPlots(field: YamlEntry, context: ItemReadContext): StageItem[] {
  return readFileEntries('plot', 'plots', field, context, plotOptionKeys, true);
}

function readFileEntries(
  kind: StageItemKind,
  field: string,
  entryOfField: YamlEntry,
  context: ItemReadContext,
  optionKeys: ReadonlySet<string>,
  allowOptionLists: boolean,
): StageItem[] {
  const items: StageItem[] = [];
  for (const entry of listEntries(entryOfField, field, 'paths', context)) {
    if (isStringScalar(entry)) {
      items.push(pathItem(kind, entry, entry, field, context));
    } else if (isMap(entry)) {
      for (const option of mapEntries(entry, context.source.doc)) {
        if (!option.keyNode || typeof option.key !== 'string') {
          schemaError(context, `each entry of '${field}' must be named by a path`, option.keyNode ?? entry);
          continue;
        }
        items.push(pathItem(kind, option.keyNode, option.keyNode, field, context));
        checkOptions(
          option.valueNode,
          option.key,
          field,
          context,
          optionKeys,
          allowOptionLists,
          option.keyNode,
        );
      }
    } else {
      schemaError(
        context,
        `each entry of '${field}' must be a path or 'path: {options}', not ${describeNode(entry)}`,
        entry,
      );
    }
  }
  return items;
}

function checkOptions(
  node: Node | null,
  path: string,
  field: string,
  context: ItemReadContext,
  optionKeys: ReadonlySet<string>,
  allowOptionLists: boolean,
  keyNode: Node,
): void {
  const optionSets = allowOptionLists && isSeq(node) ? seqItems(node.items, context.source.doc) : [node];
  for (const options of optionSets) {
    if (!isMap(options)) {
      schemaError(
        context,
        `the options of '${path}' in '${field}' must be a mapping (like 'cache: false'), not ${describeNode(options)}`,
        options ?? keyNode,
      );
      continue;
    }
    for (const option of mapEntries(options, context.source.doc)) {
      const name = typeof option.key === 'string' ? option.key : String(option.key);
      if (!optionKeys.has(name))
        schemaError(context, `unknown option '${name}' for '${path}' in '${field}'`, option.keyNode);
      else if (
        booleanOptionKeys.has(name) &&
        !(isScalar(option.valueNode) && typeof option.valueNode.value === 'boolean')
      ) {
        schemaError(
          context,
          `option '${name}' of '${path}' must be true or false`,
          option.valueNode ?? option.keyNode,
        );
      }
    }
  }
}

/** `params`: keys of the default params.yaml, or `- other.yaml: [keys]` (no keys: the whole file). */
export function readParams(field: YamlEntry, context: ItemReadContext): StageItem[] {
  const items: StageItem[] = [];
  const defaultFile = itemPath(context.wdir, defaultParamsFile);
  for (const entry of listEntries(field, 'params', 'params', context)) {
    if (isStringScalar(entry)) {
      const key = context.resolver.text(entry, 'params');
      items.push({
        kind: 'param',
        label: key,
        path: defaultFile,
        paramKey: key,
        range: context.source.lines.rangeOf(entry),
      });
    } else if (isMap(entry)) {
      for (const fileEntry of mapEntries(entry, context.source.doc))
        items.push(...paramsFileItems(fileEntry.keyNode, fileEntry.valueNode, context));
    } else {
      schemaError(
        context,
        `each entry of 'params' must be a key or 'file: [keys]', not ${describeNode(entry)}`,
        entry,
      );
    }
  }
  return items;
}

function paramsFileItems(
  keyNode: Scalar | undefined,
  valueNode: Node | null,
  context: ItemReadContext,
): StageItem[] {
  if (keyNode === undefined || !isStringScalar(keyNode)) {
    schemaError(context, "each params file in 'params' must be named by a path", keyNode);
    return [];
  }
  const file = context.resolver.text(keyNode, 'params');
  const path = itemPath(context.wdir, file);
  const keys = isSeq(valueNode) ? seqItems(valueNode.items, context.source.doc) : [];
  if (valueNode !== null && !isSeq(valueNode) && !(isScalar(valueNode) && valueNode.value === null)) {
    schemaError(
      context,
      `the keys of '${file}' in 'params' must be a list, not ${describeNode(valueNode)}`,
      valueNode,
    );
    return [];
  }
  if (keys.length === 0)
    return [{ kind: 'param', label: file, path, range: context.source.lines.rangeOf(keyNode) }];
  const items: StageItem[] = [];
  for (const keyEntry of keys) {
    if (!isStringScalar(keyEntry)) {
      schemaError(
        context,
        `each key of '${file}' in 'params' must be a string, not ${describeNode(keyEntry)}`,
        keyEntry ?? valueNode,
      );
      continue;
    }
    const key = context.resolver.text(keyEntry, 'params');
    items.push({
      kind: 'param',
      label: `${file}:${key}`,
      path,
      paramKey: key,
      range: context.source.lines.rangeOf(keyEntry),
    });
  }
  return items;
}

function pathItem(
  kind: StageItemKind,
  textNode: Scalar,
  rangeNode: Node,
  field: string,
  context: ItemReadContext,
): StageItem {
  const label = context.resolver.text(textNode, field);
  return { kind, label, path: itemPath(context.wdir, label), range: context.source.lines.rangeOf(rangeNode) };
}

/** The entries of a list-valued field; anything else is reported (`deps: x` is not a list). */
function listEntries(
  entry: YamlEntry,
  field: string,
  what: string,
  context: ItemReadContext,
): (Node | null)[] {
  const node = entry.valueNode;
  if (isSeq(node)) return seqItems(node.items, context.source.doc);
  schemaError(context, `'${field}' must be a list of ${what}, not ${describeNode(node)}`, placeOf(entry));
  return [];
}

function isStringScalar(node: Node | null): node is Scalar {
  return isScalar(node) && typeof node.value === 'string';
}
