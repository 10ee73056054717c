/**
 * The top-level `plots:` section: a list of file paths or `- <id>: {x, y, template, ...}` definitions, where
 * `y` may map data files to columns (then the id is only a name). DVC interpolates it like stage fields.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { StageItem } from './model';
import { itemPath, placeOf, schemaError, type ItemReadContext } from './stageItems';
import { describeNode, mapEntries, seqItems, type YamlEntry } from './yamlNodes';

const plotDefinitionKeys: ReadonlySet<string> = new Set([
  'x',
  'y',
  'x_label',
  'y_label',
  'title',
  'template',
]);

export function readTopLevelPlots(field: YamlEntry, context: ItemReadContext): StageItem[] {
  const node = field.valueNode;
  if (!isSeq(node)) {
    schemaError(context, `'plots' must be a list, not ${describeNode(node)}`, placeOf(field));
    return [];
  }
  const items: StageItem[] = [];
  for (const entry of seqItems(node.items, context.source.doc)) {
    if (isScalar(entry) && typeof entry.value === 'string') {
      const label = context.resolver.text(entry, 'plots');
      items.push({
        kind: 'plot',
        label,
        path: itemPath('', label),
        range: context.source.lines.rangeOf(entry),
      });
    } else if (isMap(entry)) {
      for (const plot of mapEntries(entry, context.source.doc)) {
        if (!plot.keyNode || typeof plot.key !== 'string') {
          schemaError(context, "each plot in 'plots' must be named", plot.keyNode ?? entry);
          continue;
        }
        const label = context.resolver.text(plot.keyNode, 'plots');
        const namesFiles = checkDefinition(plot.valueNode, label, context, plot.keyNode);
        const range = context.source.lines.rangeOf(plot.keyNode);
        items.push(
          namesFiles
            ? { kind: 'plot', label, range }
            : { kind: 'plot', label, path: itemPath('', label), range },
        );
      }
    } else {
      schemaError(
        context,
        `each entry of 'plots' must be a path or 'id: {definition}', not ${describeNode(entry)}`,
        entry,
      );
    }
  }
  return items;
}

/** Reports unknown keys; answers whether the definition names its data files under `y:`. */
function checkDefinition(node: Node | null, id: string, context: ItemReadContext, keyNode: Node): boolean {
  if (node === null || (isScalar(node) && node.value === null)) return false;
  if (!isMap(node)) {
    schemaError(
      context,
      `plot '${id}' must be defined by a mapping (x, y, template...), not ${describeNode(node)}`,
      keyNode,
    );
    return false;
  }
  let namesFiles = false;
  for (const option of mapEntries(node, context.source.doc)) {
    const name = String(option.key);
    if (!plotDefinitionKeys.has(name))
      schemaError(context, `unknown key '${name}' in plot '${id}'`, option.keyNode);
    if (name === 'y' && isMap(option.valueNode)) namesFiles = true;
  }
  return namesFiles;
}
