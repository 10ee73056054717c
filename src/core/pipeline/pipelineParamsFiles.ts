/**
 * First phase of reading a pipeline: which files the caller must read before {@link parsePipeline} can
 * interpolate a dvc.yaml. DVC loads `params.yaml` of the dvc.yaml's folder into the context whenever it
 * exists, interpolation or not (checked with DVC 3.67: a broken or non-mapping params.yaml, or one that
 * clashes with `vars`, makes the whole dvc.yaml fail), so it is always named first. Then every file named
 * in a top-level or stage-level `vars` (`file.yaml`, `file.yaml:key1,key2`; stage-level names are
 * relative to the stage's `wdir`).
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { hasInterpolation } from './interpolation';
import { parseDvcYamlText } from './pipelineDocument';
import { joinPath } from './pipelinePaths';
import { defaultParamsFile } from './variablesContext';
import { mapEntries, seqItems } from './yamlNodes';

/**
 * Paths relative to the dvc.yaml's folder, `/`-separated, without duplicates, params.yaml first. `file` (the
 * dvc.yaml relative to the repository root, as later given to `parsePipeline`) lets both share one parse.
 */
export function pipelineParamsFiles(dvcYamlText: string, file = 'dvc.yaml'): string[] {
  const files = new Set<string>([defaultParamsFile]);
  const { doc } = parseDvcYamlText(dvcYamlText, joinPath(file));
  const root = doc.contents;
  if (!isMap(root)) return [...files];
  for (const entry of mapEntries(root, doc)) {
    if (entry.key === 'vars') {
      addVarsFiles(entry.valueNode, '', doc, files);
    } else if (entry.key === 'stages' && isMap(entry.valueNode)) {
      for (const stage of mapEntries(entry.valueNode, doc)) addStageVarsFiles(stage.valueNode, doc, files);
    }
  }
  return [...files];
}

/** Adds the vars files of a stage (or of its foreach `do` template). */
function addStageVarsFiles(body: Node | null, doc: Document, files: Set<string>): void {
  if (!isMap(body)) return;
  const entries = mapEntries(body, doc);
  const template = entries.find((entry) => entry.key === 'do')?.valueNode;
  if (template !== undefined) {
    addStageVarsFiles(template, doc, files);
    return;
  }
  const vars = entries.find((entry) => entry.key === 'vars');
  if (!vars) return;
  const wdirNode = entries.find((entry) => entry.key === 'wdir')?.valueNode;
  const wdir = isScalar(wdirNode) && typeof wdirNode.value === 'string' ? wdirNode.value : '';
  // An interpolated wdir is only known after parsing; its stage's vars files cannot be named up front.
  if (!hasInterpolation(wdir)) addVarsFiles(vars.valueNode, wdir, doc, files);
}

function addVarsFiles(node: Node | null, wdir: string, doc: Document, files: Set<string>): void {
  if (!isSeq(node)) return;
  for (const entry of seqItems(node.items, doc)) {
    if (!isScalar(entry) || typeof entry.value !== 'string') continue;
    const colon = entry.value.indexOf(':');
    files.add(joinPath(wdir, colon === -1 ? entry.value : entry.value.slice(0, colon)));
  }
}
