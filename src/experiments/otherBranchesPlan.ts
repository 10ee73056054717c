/**
 * What `dvc exp show` is asked for when the person chose other branches to see, and how its answer is sorted
 * back into branches (see core/experiments/branchGroups.ts), and where the choice is kept. No VS Code here: integration tests drive it with
 * real git and DVC. The git calls are a few milliseconds; they run only when other branches are chosen.
 */
import type { GitCli } from '../repository/processes';
import { groupCommits, type BranchChain, type CommitGroups } from '../core/experiments/branchGroups';
import type { ExperimentsModel } from '../core/experiments/experimentModel';
import type { ExperimentsQuery } from './experimentsService';

export interface OtherBranchesPlan {
  /** The chosen branches that exist and are not the checked-out one, in the chosen order. */
  readonly branches: readonly string[];
  readonly query: ExperimentsQuery;
  /** Sorts the answer to `query` into HEAD's commits and each branch's. */
  group(model: ExperimentsModel): CommitGroups;
}

/**
 * The plan for `chosen` branches with `count` commits each; undefined when none of them is left to show (all
 * deleted, or the checked-out one), so the plain query applies.
 */
export async function planOtherBranches(
  git: GitCli,
  chosen: readonly string[],
  count: number,
  signal?: AbortSignal,
): Promise<OtherBranchesPlan | undefined> {
  if (chosen.length === 0) return undefined;
  const local = await git.localBranches(signal);
  const branches = chosen.filter((name) => local.some((branch) => branch.name === name && !branch.current));
  if (branches.length === 0) return undefined;
  const headChain = await git.firstParents('HEAD', count, signal);
  const chains: BranchChain[] = [];
  for (const branch of branches)
    chains.push({ branch, chain: await git.firstParents(`refs/heads/${branch}`, count, signal) });
  return {
    branches,
    query: { commits: count, revs: ['HEAD', ...branches] },
    group: (model) => groupCommits(model.commits, headChain, chains),
  };
}

/** Where the chosen branches are kept: a memento (VS Code's workspaceState), per repository root URI. */
export interface BranchMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

function otherBranchesKey(root: string): string {
  return `dvcLens.experiments.otherBranches:${root}`;
}

export function savedOtherBranches(memento: BranchMemento, root: string): string[] {
  const saved = memento.get<unknown>(otherBranchesKey(root));
  return Array.isArray(saved) ? saved.filter((name): name is string => typeof name === 'string') : [];
}

export async function saveOtherBranches(
  memento: BranchMemento,
  root: string,
  branches: readonly string[],
): Promise<void> {
  await memento.update(otherBranchesKey(root), branches.length > 0 ? [...new Set(branches)] : undefined);
}
