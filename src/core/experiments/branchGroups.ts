/**
 * "Other branches" in the Experiments view: one `dvc exp show --rev HEAD --rev <branch>… -n N` lists the
 * current branch's last N commits and each chosen branch's, every commit once (DVC drops a commit already
 * listed for an earlier revision). Its output says nothing of which branch a commit was listed for, so the
 * view sorts them with git's first-parent chains: HEAD's commits first, then each branch's commits that are
 * not already shown, as DVC itself does.
 */
import type { CommitRow } from './experimentModel';

/** The commits listed for one other branch (possibly none: all of them are already shown above). */
export interface BranchCommits {
  readonly branch: string;
  readonly commits: readonly CommitRow[];
}

export interface CommitGroups {
  /** The current branch's commits, HEAD first. */
  readonly head: readonly CommitRow[];
  readonly branches: readonly BranchCommits[];
}

/** A branch's first-parent chain as `git rev-list --first-parent -n N` prints it (full shas, tip first). */
export interface BranchChain {
  readonly branch: string;
  readonly chain: readonly string[];
}

/** All commits under HEAD: what the view shows when no other branch is asked for. */
export function ungroupedCommits(commits: readonly CommitRow[]): CommitGroups {
  return { head: commits, branches: [] };
}

/**
 * Sorts `commits` into HEAD's and each branch's (in the order given). A commit on several chains goes to the
 * first that has it; one on none (git and DVC disagree, e.g. a branch moved in between) stays with HEAD.
 */
export function groupCommits(
  commits: readonly CommitRow[],
  headChain: readonly string[],
  branches: readonly BranchChain[],
): CommitGroups {
  const owner = new Map<string, number>();
  for (const sha of headChain) owner.set(sha, -1);
  branches.forEach(({ chain }, index) => {
    for (const sha of chain) if (!owner.has(sha)) owner.set(sha, index);
  });
  const head: CommitRow[] = [];
  const grouped = branches.map((): CommitRow[] => []);
  for (const commit of commits) {
    const index = owner.get(commit.rev) ?? -1;
    (index === -1 ? head : (grouped[index] ?? head)).push(commit);
  }
  return { head, branches: branches.map(({ branch }, index) => ({ branch, commits: grouped[index] ?? [] })) };
}
