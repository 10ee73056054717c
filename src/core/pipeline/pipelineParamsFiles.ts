/**
 * First phase of reading a pipeline: which files the caller must read before {@link parsePipeline} can
 * interpolate a dvc.yaml. DVC loads `params.yaml` of the dvc.yaml's folder into the context whenever it
 * exists, so it is named whenever the dvc.yaml uses `${...}` or `vars` (otherwise its content cannot
 * matter); then every file named in a top-level or stage-level `vars` (`file.yaml`, `file.yaml:key1,key2`;
 * stage-level names are relative to the stage's `wdir`).
 */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { hasInterpolation } from './interpolation';
import { parseDvcYamlText } from './pipelineDocument';
import { joinPath } from './pipelinePaths';
import { defaultParamsFile } from './variablesContext';
import { mapEntries, seqItems } from './yamlNodes';

/** Paths relative to the dvc.yaml's folder, `/`-separated, without duplicates, params.yaml first. */
export function pipelineParamsFiles(dvcYamlText: string): string[] {
  const { doc } = parseDvcYamlText(dvcYamlText);
  const root = doc.contents;
  if (!isMap(root)) return [];
  const files = new Set<string>();
  let usesVars = false;
  for (const entry of mapEntries(root, doc)) {
    if (entry.key === 'vars') {
      usesVars = true;
      addVarsFiles(entry.valueNode, '', doc, files);
    } else if (entry.key === 'stages' && isMap(entry.valueNode)) {
      for (const stage of mapEntries(entry.valueNode, doc)) {
        if (addStageVarsFiles(stage.valueNode, doc, files)) usesVars = true;
      }
    }
  }
  const needsDefault = usesVars || hasInterpolation(dvcYamlText);
  return [...new Set([...(needsDefault ? [defaultParamsFile] : []), ...files])];
}

/** Adds the vars files of a stage (or of its foreach `do` template); answers whether it has `vars`. */
function addStageVarsFiles(body: Node | null, doc: Document, files: Set<string>): boolean {
  if (!isMap(body)) return false;
  const entries = mapEntries(body, doc);
  const template = entries.find((entry) => entry.key === 'do')?.valueNode;
  if (template !== undefined) return addStageVarsFiles(template, doc, files);
  const vars = entries.find((entry) => entry.key === 'vars');
  if (!vars) return false;
  const wdirNode = entries.find((entry) => entry.key === 'wdir')?.valueNode;
  const wdir = isScalar(wdirNode) && typeof wdirNode.value === 'string' ? wdirNode.value : '';
  // An interpolated wdir is only known after parsing; its stage's vars files cannot be named up front.
  if (!hasInterpolation(wdir)) addVarsFiles(vars.valueNode, wdir, doc, files);
  return true;
}

function addVarsFiles(node: Node | null, wdir: string, doc: Document, files: Set<string>): void {
  if (!isSeq(node)) return;
  for (const entry of seqItems(node.items, doc)) {
    if (!isScalar(entry) || typeof entry.value !== 'string') continue;
    const colon = entry.value.indexOf(':');
    files.add(joinPath(wdir, colon === -1 ? entry.value : entry.value.slice(0, colon)));
  }
}
