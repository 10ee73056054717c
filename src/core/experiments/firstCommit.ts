/**
 * A repository with no commit yet has no experiments: DVC needs a commit to base them on (`dvc exp show`
 * prints `[]`, `dvc exp run` refuses). DVC Lens offers to make that first commit, holding exactly what DVC
 * needs to know the project (its config, the pipeline, params files and the `.dvc`/`.gitignore` files that
 * track data) and nothing else: code, data and anything private stay for the person to commit.
 */
import type { ExperimentsModel } from './experimentModel';

/** True when DVC answered for a repository that has no commit (it then lists no revision at all). */
export function needsFirstCommit(model: ExperimentsModel): boolean {
  return model.commits.length === 0;
}

const PARAMS_FILE = /^params[^/]*\.(yaml|yml|json|toml|py)$/;
const PIPELINE_FILE = /^(dvc\.yaml|dvc\.lock|\.dvcignore|\.gitignore)$/;

/** Whether a path (repository-relative, `/`-separated) is one of the files the first commit holds. */
export function isFirstCommitFile(path: string): boolean {
  if (path.startsWith('.dvc/')) return true;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return PIPELINE_FILE.test(name) || PARAMS_FILE.test(name) || name.endsWith('.dvc');
}

/** The files of the first commit among those git reports as new (sorted, without duplicates). */
export function firstCommitFiles(changed: readonly string[]): string[] {
  return [...new Set(changed.filter(isFirstCommitFile))].sort();
}
