/**
 * Before an experiment goes to a target beyond this machine: the far side clones the git remote and checks
 * out the baseline commit, then `dvc pull`s its data from the DVC remote. Both must be there, or the job fails
 * minutes later in a queue. This decides, from facts read here, whether the run can go, what is missing (one
 * line a person reads), and what a push would take; the caller asks before pushing anything.
 */

/** What was found out here about the baseline and the remotes. */
export interface PreflightFacts {
  /** The baseline commit (full sha). */
  readonly baseline: string;
  /** The git remote the target clones from (its setting's `gitRemote`, `origin` by default). */
  readonly gitRemote: string;
  /** The repository's git remotes. */
  readonly gitRemotes: readonly string[];
  /** The checked-out branch; undefined on a detached HEAD. */
  readonly branch: string | undefined;
  /** True when a branch of the git remote (after a fetch) contains the baseline. */
  readonly commitOnRemote: boolean;
  /** Tracked data DVC says the DVC remote lacks (`dvc data status --not-in-remote`), by path. */
  readonly dataNotInRemote: readonly string[];
  /** DVC could not answer about the DVC remote (no remote configured, unreachable): its message. */
  readonly dataCheckError?: string;
}

/** What the caller does next. */
export type PreflightDecision =
  /** Everything the far side needs is on the remotes: submit. */
  | { readonly kind: 'ready' }
  /** Something is missing and a push brings it there: say `missing`, offer "Push and Submit". */
  | {
      readonly kind: 'push';
      readonly missing: string;
      /** `git push <remote> <branch>`: the branch whose tip is the baseline. */
      readonly gitPush: { readonly remote: string; readonly branch: string } | undefined;
      /** `dvc push` of the workspace's data. */
      readonly dataPush: boolean;
    }
  /** Nothing here can fix it: say `message`, submit nothing. */
  | { readonly kind: 'blocked'; readonly message: string };

/** How many paths the missing line names before "and N more". */
const PATHS_NAMED = 3;

export function decidePreflight(facts: PreflightFacts): PreflightDecision {
  const short = facts.baseline.slice(0, 7);
  if (!facts.gitRemotes.includes(facts.gitRemote))
    return {
      kind: 'blocked',
      message: `This repository has no git remote '${facts.gitRemote}' for the target to clone from. Add it (git remote add ${facts.gitRemote} <url>) or set the target's gitRemote.`,
    };
  if (facts.dataCheckError !== undefined)
    return {
      kind: 'blocked',
      message: `DVC could not tell whether the data is on the DVC remote, which the target pulls from: ${firstLine(facts.dataCheckError)}`,
    };
  if (!facts.commitOnRemote && facts.branch === undefined)
    return {
      kind: 'blocked',
      message: `The baseline commit ${short} is on no branch of '${facts.gitRemote}', and HEAD is detached: check out a branch and push it, then submit again.`,
    };
  const parts: string[] = [];
  if (!facts.commitOnRemote)
    parts.push(`the baseline commit ${short} is not on git remote '${facts.gitRemote}'`);
  if (facts.dataNotInRemote.length > 0)
    parts.push(`${dataText(facts.dataNotInRemote)} not on the DVC remote`);
  if (parts.length === 0) return { kind: 'ready' };
  return {
    kind: 'push',
    missing: `${capitalized(parts.join(', and '))}.`,
    gitPush:
      facts.commitOnRemote || facts.branch === undefined
        ? undefined
        : { remote: facts.gitRemote, branch: facts.branch },
    dataPush: facts.dataNotInRemote.length > 0,
  };
}

function dataText(paths: readonly string[]): string {
  const named = paths.slice(0, PATHS_NAMED).join(', ');
  const more = paths.length > PATHS_NAMED ? ` and ${paths.length - PATHS_NAMED} more` : '';
  return `${paths.length === 1 ? 'its data' : `${paths.length} data outputs`} (${named}${more}) ${paths.length === 1 ? 'is' : 'are'}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function firstLine(text: string): string {
  return (
    text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line.length > 0) ?? text
  );
}
