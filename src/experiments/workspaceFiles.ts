/**
 * The workspace row of one repository from its files (src/core/experiments/workspaceRowFromFiles.ts): which
 * params and metrics files to read, and reading them without blocking the extension host.
 */
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { ExperimentRow } from '../core/experiments/experimentModel';
import { workspaceRowFromFiles } from '../core/experiments/workspaceRowFromFiles';
import type { Pipeline } from '../core/pipeline/model';
import type { Repository } from '../repository/repository';

/** DVC reads this params file of the repository's root whenever it exists. */
const DEFAULT_PARAMS = 'params.yaml';

/**
 * The files DVC's row lists when there is one (its own choice is the truth), else those the pipelines name:
 * params files of stages (and the root's params.yaml), metrics files of stages.
 */
export function workspaceFileSets(
  pipelines: readonly Pipeline[],
  previous: ExperimentRow | undefined,
): { params: string[]; metrics: string[] } {
  if (previous && (Object.keys(previous.params).length > 0 || Object.keys(previous.metrics).length > 0))
    return { params: Object.keys(previous.params), metrics: Object.keys(previous.metrics) };
  const params = new Set<string>([DEFAULT_PARAMS]);
  const metrics = new Set<string>();
  for (const pipeline of pipelines) {
    const folder = posix.dirname(pipeline.file);
    for (const stage of pipeline.stages)
      for (const item of stage.items) {
        if (!item.path) continue;
        const path = folder === '.' ? item.path : posix.join(folder, item.path);
        if (item.kind === 'param') params.add(path);
        else if (item.kind === 'metric') metrics.add(path);
      }
  }
  return { params: [...params], metrics: [...metrics] };
}

/** Reads the workspace row from the files (missing files: the default params file is skipped, others say so). */
export async function readWorkspaceRow(
  repository: Repository,
  previous: ExperimentRow | undefined,
): Promise<ExperimentRow> {
  const sets = workspaceFileSets(repository.pipelines, previous);
  const read = (paths: readonly string[]) =>
    Promise.all(
      paths.map(async (path) => ({
        path,
        text: await readFile(join(repository.root.fsPath, path), 'utf8').catch(() => undefined),
      })),
    );
  const [params, metrics] = await Promise.all([read(sets.params), read(sets.metrics)]);
  return workspaceRowFromFiles(
    previous,
    params.filter((file) => file.text !== undefined || file.path !== DEFAULT_PARAMS),
    metrics,
  );
}
