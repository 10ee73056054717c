/**
 * Reads of the commit history: HEAD, log pages, first parents, the commits that touched a path, diffs between
 * commits, a file's text at a revision, whether the clone is shallow.
 */
import { asGitRevision } from './gitArguments';
import { nulPairs } from './gitNulPairs';
import { ProcessError } from './processError';
import type { GitRunner } from './gitRunner';

/** HEAD's sha and committer date (seconds since the epoch). */
export interface HeadCommit {
  readonly sha: string;
  readonly committedAt: number;
}

/** A commit of HEAD's history by sha and subject line. */
export interface RecentCommit {
  readonly sha: string;
  readonly subject: string;
}

/** Which page of `git log` to read: from `rev`, after `skip` commits, `count` of them, in git's `format`. */
export interface GitLogPageRequest {
  readonly rev: string;
  readonly skip: number;
  readonly count: number;
  readonly format: string;
}

export class GitHistoryReads {
  constructor(private readonly runner: GitRunner) {}

  /** HEAD's sha and committer date (seconds); undefined in a repository without commits. */
  async headCommit(signal?: AbortSignal): Promise<HeadCommit | undefined> {
    const output = await this.runner
      .run((git) => git.raw(['log', '--max-count=1', '--format=%H%x00%ct', 'HEAD', '--']), signal)
      .catch(() => '');
    const [sha, committedAt] = output.trim().split('\0');
    return sha && committedAt ? { sha, committedAt: Number(committedAt) } : undefined;
  }

  /** The newest commits of HEAD: sha and subject. */
  async recentCommits(count: number, signal?: AbortSignal): Promise<readonly RecentCommit[]> {
    const output = await this.runner
      .run(
        (git) =>
          git.raw([
            'log',
            `--max-count=${Math.max(1, Math.floor(count))}`,
            '--format=%H%x00%s',
            'HEAD',
            '--',
          ]),
        signal,
      )
      .catch(() => '');
    return nulPairs(output).map(([sha, subject]) => ({ sha, subject }));
  }

  /** `git rev-list --first-parent -n <count> <rev>`: full shas, newest first (`rev` is a ref or sha). */
  async firstParents(rev: string, count: number, signal?: AbortSignal): Promise<string[]> {
    const output = await this.runner.run(
      (git) =>
        git.raw([
          'rev-list',
          '--first-parent',
          `--max-count=${Math.max(1, Math.floor(count))}`,
          asGitRevision(rev),
          '--',
        ]),
      signal,
    );
    return output.split('\n').filter((line) => line.length > 0);
  }

  /**
   * One page of `git log` along first parents (the branch as it was built, merges compared with their first
   * parent), with the files each commit changed relative to `folder`. `format` is passed through; see
   * src/core/history/gitLogPage.ts for the one the History view uses and its parser.
   */
  async logPage(page: GitLogPageRequest, signal?: AbortSignal): Promise<string> {
    return this.runner.run(
      (git) =>
        git.raw([
          'log',
          `--format=${page.format}`,
          '--name-only',
          '--no-renames',
          '--first-parent',
          '--diff-merges=first-parent',
          '--relative',
          `--skip=${Math.max(0, Math.floor(page.skip))}`,
          '-n',
          String(Math.max(1, Math.floor(page.count))),
          asGitRevision(page.rev),
          '--',
        ]),
      signal,
    );
  }

  /** Shas (newest first, first parents only, at most `limit`) of the commits that changed `path`. */
  async commitsTouching(path: string, limit: number, signal?: AbortSignal): Promise<string[]> {
    const output = await this.runner.run(
      (git) =>
        git.raw([
          'log',
          '--format=%H',
          '--first-parent',
          '-n',
          String(Math.max(1, limit)),
          'HEAD',
          '--',
          path,
        ]),
      signal,
    );
    return output.split(/\r?\n/).filter((sha) => /^[0-9a-f]{40}$/.test(sha));
  }

  /**
   * `git diff --name-status -z -M --relative <a> [<b>]`: files that differ between two commits, or between a
   * commit and the working tree without `b`; paths relative to `folder` (and only those under it).
   */
  async diffNameStatus(a: string, b?: string, signal?: AbortSignal): Promise<string> {
    const revisions = [a, ...(b === undefined ? [] : [b])].map(asGitRevision);
    return this.runner.run(
      (git) => git.raw(['diff', '--name-status', '-z', '-M', '--relative', ...revisions, '--']),
      signal,
    );
  }

  /**
   * A file's text at a revision (`git show <rev>:./<path>`, the path relative to `folder`), or undefined when
   * the file does not exist there.
   */
  async fileAt(rev: string, path: string, signal?: AbortSignal): Promise<string | undefined> {
    const object = `${asGitRevision(rev)}:./${path}`;
    try {
      return await this.runner.run((git) => git.raw(['show', object]), signal);
    } catch (error) {
      if (
        error instanceof ProcessError &&
        error.reason === 'exit' &&
        /does not exist|exists on disk, but not in/.test(error.stderr)
      )
        return undefined;
      throw error;
    }
  }

  /** True for a shallow clone: history ends early, and the oldest commit's parent is missing. */
  async isShallow(signal?: AbortSignal): Promise<boolean> {
    return (
      (await this.runner.run((git) => git.raw(['rev-parse', '--is-shallow-repository']), signal)).trim() ===
      'true'
    );
  }
}
