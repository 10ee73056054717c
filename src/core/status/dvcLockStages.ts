/**
 * Which stages have a dvc.lock entry, i.e. have run (or were committed) at least once. `dvc status` cannot say
 * it (see dvcStatusJson.ts), so the never-run state comes from here.
 */
import { parse } from 'yaml';
import { folderOf, joinPath, qualifiedStageName } from '../pipeline/pipelinePaths';

/**
 * Qualified names of the stages in one dvc.lock (`sub/dvc.yaml:count` for `pipelineFile` `sub/dvc.yaml`).
 * Foreach/matrix stages are listed expanded (`greet@en`), as DVC writes them. A lock file that is not valid
 * YAML, or has no `stages:` map, lists nothing.
 */
export function parseDvcLockStageNames(text: string, pipelineFile = 'dvc.yaml'): string[] {
  let document: unknown;
  try {
    document = parse(text, { uniqueKeys: false });
  } catch {
    return [];
  }
  if (typeof document !== 'object' || document === null) return [];
  const stages = (document as { stages?: unknown }).stages;
  if (typeof stages !== 'object' || stages === null || Array.isArray(stages)) return [];
  return Object.keys(stages).map((name) => qualifiedStageName(pipelineFile, name));
}

/** The dvc.lock beside a pipeline's dvc.yaml, relative to the repository root (`sub/dvc.lock`). */
export function dvcLockFileOf(pipelineFile: string): string {
  return joinPath(folderOf(pipelineFile), 'dvc.lock');
}
