/** Branches, tags and other refs: listing them, the current branch, resolving a name to its commit. */
import { asGitRevision } from './gitArguments';
import { nulPairs } from './gitNulPairs';
import { ProcessError } from './processError';
import type { GitRunner } from './gitRunner';

/** A local branch as `git for-each-ref refs/heads` lists it. */
export interface LocalBranch {
  readonly name: string;
  readonly sha: string;
  /** The checked-out branch. */
  readonly current: boolean;
}

/** A tag as `git for-each-ref refs/tags` lists it, for the model registry. */
export interface TagRecord {
  readonly name: string;
  /** An annotated tag (GTO ignores lightweight ones). */
  readonly annotated: boolean;
  /** The commit an annotated tag points to ('' for a lightweight one). */
  readonly commit: string;
  readonly tagger: string;
  readonly email: string;
  readonly taggedAt: number | undefined;
  readonly committedAt: number | undefined;
  readonly subject: string;
}

/** A local branch or a tag by short name (`main`, `v1.0`), with its commit. */
export interface BranchOrTag {
  readonly name: string;
  readonly sha: string;
  readonly kind: 'branch' | 'tag';
}

export class GitRefsAndTags {
  constructor(private readonly runner: GitRunner) {}

  /** The local branches (`refs/heads`) with their tip shas; `current` marks the checked-out one. */
  async localBranches(signal?: AbortSignal): Promise<LocalBranch[]> {
    const output = await this.runner.run(
      (git) =>
        git.raw(['for-each-ref', '--format=%(refname:short)%00%(objectname)%00%(HEAD)', 'refs/heads/']),
      signal,
    );
    return output
      .split('\n')
      .map((line) => line.split('\0'))
      .filter((parts): parts is [string, string, string] => parts.length === 3 && parts[0] !== '')
      .map(([name, sha, head]) => ({ name, sha, current: head === '*' }));
  }

  /** The checked-out branch, or undefined on a detached HEAD (or before the first commit). */
  async currentBranch(signal?: AbortSignal): Promise<string | undefined> {
    try {
      const name = (
        await this.runner.run((git) => git.raw(['symbolic-ref', '--short', '-q', 'HEAD']), signal)
      ).trim();
      return name || undefined;
    } catch (error) {
      if (error instanceof ProcessError && error.reason === 'exit') return undefined;
      throw error;
    }
  }

  /** Branches, tags and remote branches by short name (`main`, `v1.0`, `origin/main`), for ref pickers. */
  async refNames(signal?: AbortSignal): Promise<string[]> {
    const output = await this.runner.run(
      (git) =>
        git.raw(['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/tags', 'refs/remotes']),
      signal,
    );
    return output.split(/\r?\n/).filter((name) => name.length > 0 && !name.endsWith('/HEAD'));
  }

  /** Local branches and tags, by short name, with their commits. */
  async branchesAndTags(signal?: AbortSignal): Promise<readonly BranchOrTag[]> {
    const refs = await this.refList(['refs/heads', 'refs/tags'], signal);
    return refs.map((ref) => ({
      name: ref.name.replace(/^refs\/(heads|tags)\//, ''),
      sha: ref.sha,
      kind: ref.name.startsWith('refs/tags/') ? ('tag' as const) : ('branch' as const),
    }));
  }

  /**
   * The commit a ref names (branch, tag, sha, `HEAD~1`), or a DVC experiment's by name (its ref is
   * `refs/exps/<baseline>/<name>`, which git cannot resolve from the bare name); undefined when none.
   */
  async resolveCommit(ref: string, signal?: AbortSignal): Promise<string | undefined> {
    const direct = await this.runner
      .run(
        (git) =>
          git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${asGitRevision(ref)}^{commit}`]),
        signal,
      )
      .catch(() => '');
    if (direct.trim()) return direct.trim();
    const experiments = await this.refList(['refs/exps'], signal);
    return experiments.find((entry) => entry.name.split('/').pop() === ref)?.sha;
  }

  /**
   * Every tag with what the model registry needs of it: the object type (`tag` for annotated ones, the only
   * ones GTO reads), the peeled commit, tagger, tagger date, subject, and the commit's committer date.
   */
  async tagRecords(signal?: AbortSignal): Promise<TagRecord[]> {
    const fields = [
      '%(refname:strip=2)',
      '%(objecttype)',
      '%(*objectname)',
      '%(taggername)',
      '%(taggeremail:trim)',
      '%(taggerdate:unix)',
      '%(*committerdate:unix)',
      '%(contents:subject)',
    ];
    const output = await this.runner.run(
      (git) => git.raw(['for-each-ref', `--format=${fields.join('%00')}`, 'refs/tags']),
      signal,
    );
    return output
      .split('\n')
      .filter((line) => line.includes('\0'))
      .map((line) => {
        const [
          name = '',
          type = '',
          commit = '',
          tagger = '',
          email = '',
          taggedAt = '',
          committedAt = '',
          subject = '',
        ] = line.split('\0');
        return {
          name,
          annotated: type === 'tag',
          commit,
          tagger,
          email,
          taggedAt: Number(taggedAt) || undefined,
          committedAt: Number(committedAt) || undefined,
          subject,
        };
      });
  }

  private async refList(
    patterns: readonly string[],
    signal?: AbortSignal,
  ): Promise<Array<{ readonly name: string; readonly sha: string }>> {
    const output = await this.runner.run(
      (git) => git.raw(['for-each-ref', '--format=%(objectname)%00%(refname)', ...patterns]),
      signal,
    );
    return nulPairs(output).map(([sha, name]) => ({ sha, name }));
  }
}
