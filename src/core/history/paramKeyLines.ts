/**
 * Which param a line of a YAML or JSON params file holds: `line -> dotted key` for every leaf key (the
 * dotted path DVC uses, `train.learning_rate`), so an editor can annotate the line under the cursor. JSON is
 * read by the same YAML parser (JSON is YAML's flow syntax), which keeps key positions; TOML by its lines
 * (tomlKeyLines.ts).
 */
import { isMap, isScalar, type Node } from 'yaml';
import { parseYamlWithinLimits } from '../parseLimits/yamlLimits';
import { LineIndex } from '../pipeline/yamlPosition';
import { tomlKeyLines } from './tomlKeyLines';

export function paramKeyLines(text: string, file: string): Map<number, string> {
  if (/\.toml$/i.test(file)) return tomlKeyLines(text);
  const lines = new Map<number, string>();
  const { doc, breach } = parseYamlWithinLimits(file, text, { uniqueKeys: false, prettyErrors: false });
  if (breach || doc.errors.length > 0) return lines;
  const index = new LineIndex(text);
  const visit = (node: unknown, prefix: string): void => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      if (!isScalar(keyNode)) continue;
      const key = prefix ? `${prefix}.${String(keyNode.value)}` : String(keyNode.value);
      if (isMap(pair.value) && pair.value.items.length > 0) visit(pair.value, key);
      else if (keyNode.range) lines.set(index.position(keyNode.range[0]).line, key);
    }
  };
  visit(doc.contents, '');
  return lines;
}

/** Params files the annotations apply to: `params.yaml`, `params.json`, `params.toml`, anywhere. */
export function isParamsFileName(path: string): boolean {
  return /(^|[\\/])params\.(ya?ml|json|toml)$/i.test(path);
}
