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
 * The files DVC's last row listed (its own choice) together with those the pipelines name: params files of
 * stages (and the root's params.yaml), metrics files of stages. The pipelines may not be read yet at the
 * first paint, and DVC may not have answered yet: each covers what the other misses.
 */
export function workspaceFileSets(
  pipelines: readonly Pipeline[],
  previous: ExperimentRow | undefined,
): { params: string[]; metrics: string[] } {
  const params = new Set<string>([DEFAULT_PARAMS, ...Object.keys(previous?.params ?? {})]);
  const metrics = new Set<string>(Object.keys(previous?.metrics ?? {}));
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
