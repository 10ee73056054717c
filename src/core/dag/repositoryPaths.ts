/**
 * Stage paths are written relative to their dvc.yaml's folder (and `wdir`, which the parser already applied);
 * the graph compares them repository-relative, the way DVC resolves them before linking stages.
 */
import { folderOf, joinPath } from '../pipeline/pipelinePaths';

/** URLs (`s3://…`, `https://…`) and absolute paths: not files of the repository, never linked. */
const outsideRepository = /^(?:[a-z][a-z0-9+.-]*:\/\/|\/|[a-zA-Z]:[\\/])/;

/** The repository-relative path of a stage item, or undefined when the path is outside the repository. */
export function repositoryPath(pipelineFile: string, itemPath: string): string | undefined {
  if (outsideRepository.test(itemPath)) return undefined;
  const path = joinPath(folderOf(pipelineFile), itemPath);
  return path === '' || path === '..' || path.startsWith('../') ? undefined : path;
}

/** The proper ancestors of a path, nearest first: `a/b/c` → `a/b`, `a`. */
export function ancestorsOf(path: string): string[] {
  const ancestors: string[] = [];
  for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1))
    ancestors.push(path.slice(0, slash));
  return ancestors;
}
