/**
 * Which param a line of `dvc.yaml` names in a stage's `params:` list, so the editor can annotate it like the
 * params file's own line: `- train.learning_rate` (a key of the default `params.yaml`), `- train` (a section),
 * `- custom.yaml:` (a whole file, or the keys listed under it). Files are relative to the `dvc.yaml`'s folder,
 * as DVC reads them. `foreach`/`matrix` stages keep their list under `do:`.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { parseYamlWithinLimits } from '../parseLimits/yamlLimits';
import { LineIndex } from '../pipeline/yamlPosition';

/** A param named on a line: `key` undefined means the whole file. */
export interface DvcYamlParamRef {
  readonly file: string;
  readonly key: string | undefined;
}

export const DEFAULT_PARAMS_FILE = 'params.yaml';

export function dvcYamlParamLines(text: string): Map<number, DvcYamlParamRef> {
  const lines = new Map<number, DvcYamlParamRef>();
  const { doc, breach } = parseYamlWithinLimits('dvc.yaml', text, { uniqueKeys: false, prettyErrors: false });
  if (breach || doc.errors.length > 0 || !isMap(doc.contents)) return lines;
  const index = new LineIndex(text);
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range ? index.position(node.range[0]).line : undefined;
  const add = (node: Node | null | undefined, ref: DvcYamlParamRef): void => {
    const line = lineOf(node);
    if (line !== undefined) lines.set(line, ref);
  };
  const stages = doc.contents.get('stages', true);
  if (!isMap(stages)) return lines;
  for (const stage of stages.items) {
    if (!isMap(stage.value)) continue;
    const inner = stage.value.get('do', true);
    const params = (isMap(inner) ? inner : stage.value).get('params', true);
    if (!isSeq(params)) continue;
    for (const item of params.items) {
      if (isScalar(item) && typeof item.value === 'string')
        add(item, { file: DEFAULT_PARAMS_FILE, key: item.value });
      if (!isMap(item)) continue;
      for (const pair of item.items) {
        const fileNode = pair.key as Node | null;
        if (!isScalar(fileNode) || typeof fileNode.value !== 'string') continue;
        const file = fileNode.value;
        add(fileNode, { file, key: undefined });
        if (!isSeq(pair.value)) continue;
        for (const key of pair.value.items)
          if (isScalar(key) && typeof key.value === 'string') add(key, { file, key: key.value });
      }
    }
  }
  return lines;
}
