/**
 * The inputs a run would need that are not in the local cache (issue 13 item 4: on a fresh clone `dvc repro`
 * failed with "fix the command or its inputs" when the inputs were simply not pulled): the dependencies of
 * the stages that would run, and of the stages upstream of them, that `dvc data status` lists as
 * `not_in_cache` (the path itself, or something inside it).
 */
import { buildPipelineGraph } from './buildPipelineGraph';
import { repositoryPath } from './repositoryPaths';
import type { Pipeline } from '../pipeline/model';

export function inputsNotInCache(
  pipelines: readonly Pipeline[],
  stages: readonly string[],
  withUpstream: boolean,
  notInCache: readonly string[],
): string[] {
  const involved = new Set(stages);
  if (withUpstream) {
    const graph = buildPipelineGraph(pipelines);
    for (let grew = true; grew;) {
      grew = false;
      for (const edge of graph.edges)
        if (involved.has(edge.to) && !involved.has(edge.from)) {
          involved.add(edge.from);
          grew = true;
        }
    }
  }
  const missing = new Set<string>();
  for (const pipeline of pipelines)
    for (const stage of pipeline.stages) {
      if (!involved.has(stage.qualifiedName)) continue;
      for (const item of stage.items) {
        if (item.kind !== 'dep' || item.path === undefined) continue;
        const dep = repositoryPath(pipeline.file, item.path);
        if (dep === undefined) continue;
        const needed = notInCache.filter(
          (path) => path === dep || path.startsWith(`${dep}/`) || dep.startsWith(`${path}/`),
        );
        if (needed.length > 0) missing.add(dep);
      }
    }
  return [...missing].sort();
}
