/**
 * Which stages have a dvc.lock entry, i.e. have run (or were committed) at least once. `dvc status` cannot say
 * it (see dvcStatusJson.ts), so the never-run state comes from here.
 */
import { isMap, isScalar } from 'yaml';
import { parseYamlWithinLimits } from '../parseLimits/yamlLimits';
import { folderOf, joinPath, qualifiedStageName } from '../pipeline/pipelinePaths';

/**
 * Qualified names of the stages in one dvc.lock (`sub/dvc.yaml:count` for `pipelineFile` `sub/dvc.yaml`).
 * Foreach/matrix stages are listed expanded (`greet@en`), as DVC writes them. A lock file that is not valid
 * YAML, or has no `stages:` map, lists nothing.
 */
export function parseDvcLockStageNames(text: string, pipelineFile = 'dvc.yaml'): string[] {
  const { doc, breach } = parseYamlWithinLimits(joinPath(folderOf(pipelineFile), 'dvc.lock'), text, {
    uniqueKeys: false,
  });
  if (breach || doc.errors.length > 0) return [];
  const root = doc.contents;
  // Only the stage names are read: no alias in the lock file is expanded.
  const document: unknown = isMap(root) ? { stages: root.get('stages') } : undefined;
  if (typeof document !== 'object' || document === null) return [];
  const stages = (document as { stages?: unknown }).stages;
  if (!isMap(stages)) return [];
  return stages.items.map((pair) =>
    qualifiedStageName(pipelineFile, String(isScalar(pair.key) ? pair.key.value : pair.key)),
  );
}

/** The dvc.lock beside a pipeline's dvc.yaml, relative to the repository root (`sub/dvc.lock`). */
export function dvcLockFileOf(pipelineFile: string): string {
  return joinPath(folderOf(pipelineFile), 'dvc.lock');
}
