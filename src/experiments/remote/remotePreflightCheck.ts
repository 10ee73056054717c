/**
 * The facts the preflight decides on (src/core/execution/remotePreflight.ts), read with the repository's git
 * and DVC, and the push that fixes what is missing. No editor here: the command asks before `pushMissing`.
 */
import { parseDataStatus } from '../../core/data/dataStatus';
import type { PreflightDecision, PreflightFacts } from '../../core/execution/remotePreflight';
import type { DvcCli, GitCli, OutputListener, RepositoryScheduler } from '../../repository/processes';

/** What the check and the push use of the repository. */
export interface PreflightRepository {
  readonly git: GitCli;
  readonly dvc: DvcCli;
  readonly scheduler: RepositoryScheduler;
}

/** Reads where the baseline (HEAD) and its data are: `git fetch` first, so the remote's branches are current. */
export async function readPreflightFacts(
  repository: PreflightRepository,
  gitRemote: string,
  signal?: AbortSignal,
): Promise<PreflightFacts> {
  const { git, dvc } = repository;
  const [baseline, gitRemotes, branch] = await Promise.all([
    git.resolveCommit('HEAD', signal),
    git.remoteNames(signal),
    git.currentBranch(signal),
  ]);
  if (!baseline) throw new Error('This repository has no commit yet: a remote run starts from a commit.');
  let commitOnRemote = false;
  if (gitRemotes.includes(gitRemote)) {
    await git.fetch(gitRemote, signal);
    commitOnRemote = (await git.remoteBranchesContaining(gitRemote, baseline, signal)).length > 0;
  }
  let dataNotInRemote: string[] = [];
  let dataCheckError: string | undefined;
  try {
    const status = parseDataStatus(
      await dvc.readJson(['data', 'status', '--not-in-remote', '--json'], {
        signal,
        slot: 'remote-preflight',
      }),
    );
    dataNotInRemote = status.entries.filter((entry) => entry.notInRemote).map((entry) => entry.path);
  } catch (error) {
    if (signal?.aborted) throw error;
    dataCheckError = error instanceof Error ? error.message : String(error);
  }
  return {
    baseline,
    gitRemote,
    gitRemotes,
    branch,
    commitOnRemote,
    dataNotInRemote,
    ...(dataCheckError === undefined ? {} : { dataCheckError }),
  };
}

/** `git push` and `dvc push`, as the decision says; `report` names the step under way. */
export async function pushMissing(
  repository: PreflightRepository,
  decision: Extract<PreflightDecision, { kind: 'push' }>,
  options: {
    readonly signal?: AbortSignal;
    readonly onOutput?: OutputListener;
    readonly report?: (step: string) => void;
  },
): Promise<void> {
  if (decision.gitPush) {
    options.report?.(`git push ${decision.gitPush.remote} ${decision.gitPush.branch}`);
    await repository.git.push(decision.gitPush.remote, decision.gitPush.branch, options.signal);
  }
  if (decision.dataPush) {
    options.report?.('dvc push');
    const { command, prefixArgs } = repository.dvc.executable;
    await repository.scheduler.write(
      { file: command, args: [...prefixArgs, 'push'] },
      { signal: options.signal, onOutput: options.onOutput, label: 'Push data for a remote run' },
    );
  }
}
