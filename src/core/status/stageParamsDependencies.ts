/**
 * A stage's params dependencies as DVC builds them from its `params:` list (dvc/dependency/__init__.py,
 * `_merge_params`, checked with DVC 3.67.1): one dependency per params file, in the order the files first
 * appear; bare keys belong to the default `params.yaml`; a file listed without keys is tracked whole, and then
 * its keys listed elsewhere count for nothing (bare keys of a wholly tracked `params.yaml` are dropped, and
 * the file keeps the place of its first `file:` entry).
 */
import type { Pipeline, Stage } from '../pipeline/model';
import { folderOf, joinPath } from '../pipeline/pipelinePaths';

const defaultParamsFile = 'params.yaml';

/** One params file a stage depends on. */
export interface ParamsDependency {
  /** The file as the stage names it: its key under the stage's `params:` in dvc.lock. */
  readonly lockKey: string;
  /** The file relative to the repository root, as `dvc status --json` prints it. */
  readonly path: string;
  /** The keys tracked, without duplicates, in their order; undefined: the whole file. */
  readonly keys: readonly string[] | undefined;
}

/** What the file-based params judgement needs of one stage. */
export interface StageParams {
  /** `Stage.qualifiedName`, the key of `dvc status --json`. */
  readonly qualifiedName: string;
  /** The stage's key under `stages:` in its dvc.lock (`Stage.name`). */
  readonly lockName: string;
  /** The dvc.lock beside the stage's dvc.yaml, relative to the repository root. */
  readonly lockFile: string;
  readonly dependencies: readonly ParamsDependency[];
  /** Every other file or folder the stage names (deps, outs, metrics, plots), relative to the root. */
  readonly otherPaths: readonly string[];
}

/**
 * The params dependencies of every stage DVC judges by its deps (frozen stages are skipped: DVC does not look
 * at their deps), or why they cannot be told from the model (a stage with a `wdir`, whose lock keys are not
 * in the model, or a params entry whose path DVC would write differently).
 */
export function stagesParams(pipelines: readonly Pipeline[]): StageParams[] | { readonly unsure: string } {
  const stages: StageParams[] = [];
  for (const pipeline of pipelines)
    for (const stage of pipeline.stages) {
      if (stage.frozen) continue;
      const params = stageParams(pipeline.file, stage);
      if ('unsure' in params) return params;
      stages.push(params);
    }
  return stages;
}

function stageParams(pipelineFile: string, stage: Stage): StageParams | { readonly unsure: string } {
  const folder = folderOf(pipelineFile);
  const items = stage.items.filter((item) => item.kind === 'param');
  const named = items.map((item) => {
    const bare = item.paramKey !== undefined && item.label === item.paramKey;
    const lockKey = bare
      ? defaultParamsFile
      : item.paramKey !== undefined
        ? item.label.slice(0, item.label.length - item.paramKey.length - 1)
        : item.label;
    return { item, bare, lockKey };
  });
  const wholly = new Set(named.filter(({ item }) => item.paramKey === undefined).map((n) => n.lockKey));
  const groups = new Map<string, { path: string; keys: string[] | undefined }>();
  for (const { item, bare, lockKey } of named) {
    // With a wdir the model's path differs from what the stage wrote, and so from dvc.lock's key.
    if (item.path !== lockKey)
      return { unsure: `the params file '${item.label}' of '${stage.qualifiedName}' is not named plainly` };
    if (bare && wholly.has(lockKey)) continue;
    let group = groups.get(lockKey);
    if (!group) {
      group = { path: joinPath(folder, item.path), keys: wholly.has(lockKey) ? undefined : [] };
      groups.set(lockKey, group);
    }
    if (group.keys && item.paramKey !== undefined && !group.keys.includes(item.paramKey))
      group.keys.push(item.paramKey);
  }
  const otherPaths = stage.items.flatMap((item) =>
    item.kind !== 'param' && item.kind !== 'cmd' && item.path !== undefined
      ? [joinPath(folder, item.path)]
      : [],
  );
  return {
    qualifiedName: stage.qualifiedName,
    lockName: stage.name,
    lockFile: joinPath(folder, 'dvc.lock'),
    dependencies: [...groups].map(([lockKey, group]) => ({ lockKey, ...group })),
    otherPaths,
  };
}
