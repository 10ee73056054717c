/**
 * The git side of "Create first commit" (no VS Code here, so integration tests drive it with a real git):
 * which files would go in, and the commit itself. Only those files are added and committed (`git commit --
 * <paths>`), so whatever else the person staged stays staged and out of this commit.
 */
import type { GitCli } from '../repository/processes';
import { firstCommitFiles } from '../core/experiments/firstCommit';

export const FIRST_COMMIT_MESSAGE = 'Add the DVC project (first commit, made by DVC Lens for experiments)';

/** The files the first commit would hold: DVC's own among what git sees as new. */
export async function firstCommitCandidates(git: GitCli, signal?: AbortSignal): Promise<string[]> {
  const changed = await git.changedFiles(signal);
  return firstCommitFiles(changed.map((file) => file.path));
}

/** Adds and commits exactly `files`; returns the new commit's sha. */
export async function createFirstCommit(
  git: GitCli,
  files: readonly string[],
  signal?: AbortSignal,
): Promise<string> {
  if (files.length === 0) throw new Error('There is nothing of DVC to commit.');
  await git.add(files, signal);
  return git.commit(FIRST_COMMIT_MESSAGE, files, signal);
}
