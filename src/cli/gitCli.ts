/**
 * git for one folder, through simple-git (it starts git itself: the accepted exception to "only runner.ts
 * spawns"). Every call is logged to the same ProcessLog as DVC calls, one line with its duration, and its
 * errors become the same ProcessError as DVC's so that the UI has one error type to explain.
 */
import { isDirectory } from './pathChecks';
import { simpleGit, GitPluginError, type SimpleGit } from 'simple-git';
import { formatCommandLine } from './commandLine';
import { FlagLikeValueError, optionValue } from './safeArguments';
import { ProcessError, type ProcessFailureReason } from './processError';
import { formatProcessLogLine, type ProcessLog, type ProcessLogOutcome } from './processLog';
import { ReadDeadline } from './readDeadline';
import { PROCESS_ENVIRONMENT } from './runner';

/**
 * simple-git refuses to run at all when the environment holds EDITOR, PAGER, GIT_ASKPASS, GIT_SSH_COMMAND,
 * GIT_CONFIG_GLOBAL… (its guard against injected configuration). Those come from the user's own environment,
 * which their terminal git uses too, and many people have EDITOR set: without these flags every git call
 * fails for them. Our arguments are fixed by this file (paths after `--`, the message as `--message=` value), so the
 * argument-borne categories (aliases, hooks, filters, credential helpers, protocols) stay blocked.
 */
const ENVIRONMENT_SOURCED_CATEGORIES = {
  allowUnsafeEditor: true,
  allowUnsafePager: true,
  allowUnsafeAskPass: true,
  allowUnsafeSshCommand: true,
  allowUnsafeConfigPaths: true,
  allowUnsafeConfigEnvCount: true,
  allowUnsafeGitProxy: true,
  allowUnsafeTemplateDir: true,
  allowUnsafeDiffExternal: true,
} as const;

export interface GitCliOptions {
  readonly log?: ProcessLog;
  /** Added to process.env (after GIT_TERMINAL_PROMPT=0), e.g. GIT_CONFIG_GLOBAL in tests. */
  readonly env?: Readonly<Record<string, string>>;
  /** The git executable (default: `git` on PATH). */
  readonly binary?: string;
  /**
   * How long a read may run, from its spawn, before git is killed (reason `timeout`); asked at each call.
   * No limit when absent. Writes (init, add, commit, config) have none: a commit may run the person's hooks.
   */
  readonly readTimeoutMs?: () => number;
}

/** Whether a call may be stopped by the read timeout. */
type GitAccess = 'read' | 'write';

/** user.name and user.email as git resolves them for this folder (repository, global and system config). */
export interface GitIdentity {
  readonly name: string | undefined;
  readonly email: string | undefined;
}

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

export class GitCli {
  constructor(
    readonly folder: string,
    private readonly options: GitCliOptions = {},
  ) {}

  /** True when the folder is inside a git work tree (the folder itself or a parent holds `.git`). */
  async isRepository(signal?: AbortSignal): Promise<boolean> {
    if (!(await isDirectory(this.folder))) return false;
    return this.call((git) => git.checkIsRepo(), signal);
  }

  /** The work tree's top folder (may be a parent of `folder`). */
  async repositoryRoot(signal?: AbortSignal): Promise<string> {
    return (await this.call((git) => git.revparse(['--show-toplevel']), signal)).trim();
  }

  async init(signal?: AbortSignal): Promise<void> {
    await this.call((git) => git.init(), signal, 'write');
  }

  /** True when the index holds changes that the next commit would include. */
  async hasStagedChanges(signal?: AbortSignal): Promise<boolean> {
    const status = await this.call((git) => git.status(), signal);
    return status.files.some((file) => !['', ' ', '?', '!'].includes(file.index));
  }

  async identity(signal?: AbortSignal): Promise<GitIdentity> {
    const name = await this.call((git) => git.getConfig('user.name'), signal);
    const email = await this.call((git) => git.getConfig('user.email'), signal);
    return { name: name.value ?? undefined, email: email.value ?? undefined };
  }

  async hasIdentity(signal?: AbortSignal): Promise<boolean> {
    const { name, email } = await this.identity(signal);
    return Boolean(name?.trim()) && Boolean(email?.trim());
  }

  /** Sets user.name and user.email, for this repository or (`global`) for the user. */
  async setIdentity(
    name: string,
    email: string,
    scope: 'repository' | 'global',
    signal?: AbortSignal,
  ): Promise<void> {
    const flag = scope === 'global' ? ['--global'] : [];
    // `--end-of-options`: a name such as `-x` is the value, not an option of git config.
    await this.call(
      (git) => git.raw(['config', ...flag, '--end-of-options', 'user.name', name]),
      signal,
      'write',
    );
    await this.call(
      (git) => git.raw(['config', ...flag, '--end-of-options', 'user.email', email]),
      signal,
      'write',
    );
  }

  async add(paths: readonly string[], signal?: AbortSignal): Promise<void> {
    await this.call((git) => git.add(['--', ...paths]), signal, 'write');
  }

  /**
   * Commits exactly `paths` (`git commit -- <paths>`: their working-tree content, whatever else is staged
   * stays out); returns the new commit's sha.
   */
  async commit(message: string, paths: readonly string[], signal?: AbortSignal): Promise<string> {
    await this.call(
      (git) => git.raw(['commit', '--quiet', ...optionValue('--message', message), '--', ...paths]),
      signal,
      'write',
    );
    return (await this.call((git) => git.revparse(['HEAD']), signal)).trim();
  }

  /** Where `folder` is inside its work tree: "" at the top, "sub/dir/" below it (git status paths start so). */
  async folderPrefix(signal?: AbortSignal): Promise<string> {
    return (await this.call((git) => git.revparse(['--show-prefix']), signal)).trim();
  }

  /** The files git tracks (in its index) at or under `paths`, relative to `folder`. */
  async trackedFiles(paths: readonly string[], signal?: AbortSignal): Promise<string[]> {
    if (paths.length === 0) return [];
    const output = await this.call((git) => git.raw(['ls-files', '-z', '--', ...paths]), signal);
    return output.split('\0').filter((path) => path.length > 0);
  }

  /** `git rm -r --cached`: git stops tracking the paths; the files stay in the workspace. */
  async removeFromIndex(paths: readonly string[], signal?: AbortSignal): Promise<void> {
    await this.call((git) => git.raw(['rm', '-r', '--cached', '--quiet', '--', ...paths]), signal, 'write');
  }

  /** The git remotes' names (`git remote`), e.g. for pushing experiments to the one a person picks. */
  async remoteNames(signal?: AbortSignal): Promise<string[]> {
    const remotes = await this.call((git) => git.getRemotes(false), signal);
    return remotes.map((remote) => remote.name).filter((name) => name.length > 0);
  }

  /** `git fetch <remote>`: the remote's branches as they are now (a write: it updates refs/remotes). */
  async fetch(remote: string, signal?: AbortSignal): Promise<void> {
    await this.call((git) => git.raw(['fetch', '--quiet', asGitRemote(remote)]), signal, 'write');
  }

  /** The remote-tracking branches of `remote` (`origin/main`) whose history holds `sha` (after a fetch). */
  async remoteBranchesContaining(remote: string, sha: string, signal?: AbortSignal): Promise<string[]> {
    const output = await this.call(
      (git) =>
        git.raw([
          'for-each-ref',
          '--format=%(refname:short)',
          `--contains=${asGitRevision(sha)}`,
          `refs/remotes/${asGitRemote(remote)}/`,
        ]),
      signal,
    );
    return output.split(/\r?\n/).filter((name) => name.length > 0 && !name.endsWith('/HEAD'));
  }

  /** `git push <remote> <branch>`: the branch's commits to the remote's branch of the same name. */
  async push(remote: string, branch: string, signal?: AbortSignal): Promise<void> {
    await this.call(
      (git) => git.raw(['push', '--quiet', asGitRemote(remote), `refs/heads/${asGitRevision(branch)}`]),
      signal,
      'write',
    );
  }

  /** The URL a git remote fetches from (`git remote get-url`). */
  async remoteUrl(name: string, signal?: AbortSignal): Promise<string> {
    const output = await this.call((git) => git.raw(['remote', 'get-url', '--', name]), signal);
    return output.trim();
  }

  /** The local branches (`refs/heads`) with their tip shas; `current` marks the checked-out one. */
  async localBranches(signal?: AbortSignal): Promise<LocalBranch[]> {
    const output = await this.call(
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

  /** `git rev-list --first-parent -n <count> <rev>`: full shas, newest first (`rev` is a ref or sha). */
  async firstParents(rev: string, count: number, signal?: AbortSignal): Promise<string[]> {
    const output = await this.call(
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

  /** Paths (relative to the repository root) that `git status` reports, with their two-letter codes. */
  async changedFiles(
    signal?: AbortSignal,
  ): Promise<ReadonlyArray<{ readonly path: string; readonly code: string }>> {
    const status = await this.call((git) => git.status(), signal);
    return status.files.map((file) => ({ path: file.path, code: `${file.index}${file.working_dir}` }));
  }

  /**
   * `git diff --name-status -z -M --relative <a> [<b>]`: files that differ between two commits, or between a
   * commit and the working tree without `b`; paths relative to `folder` (and only those under it).
   */
  async diffNameStatus(a: string, b?: string, signal?: AbortSignal): Promise<string> {
    const revisions = [a, ...(b === undefined ? [] : [b])].map(asGitRevision);
    return this.call(
      (git) => git.raw(['diff', '--name-status', '-z', '-M', '--relative', ...revisions, '--']),
      signal,
    );
  }

  /** Branches, tags and remote branches by short name (`main`, `v1.0`, `origin/main`), for ref pickers. */
  async refNames(signal?: AbortSignal): Promise<string[]> {
    const output = await this.call(
      (git) =>
        git.raw(['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/tags', 'refs/remotes']),
      signal,
    );
    return output.split(/\r?\n/).filter((name) => name.length > 0 && !name.endsWith('/HEAD'));
  }

  /**
   * One page of `git log` along first parents (the branch as it was built, merges compared with their first
   * parent), with the files each commit changed relative to `folder`. `format` is passed through; see
   * src/core/history/gitLogPage.ts for the one the History view uses and its parser.
   */
  async logPage(
    page: { readonly rev: string; readonly skip: number; readonly count: number; readonly format: string },
    signal?: AbortSignal,
  ): Promise<string> {
    return this.call(
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

  /**
   * The commit a ref names (branch, tag, sha, `HEAD~1`), or a DVC experiment's by name (its ref is
   * `refs/exps/<baseline>/<name>`, which git cannot resolve from the bare name); undefined when none.
   */
  async resolveCommit(ref: string, signal?: AbortSignal): Promise<string | undefined> {
    const direct = await this.call(
      (git) =>
        git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${asGitRevision(ref)}^{commit}`]),
      signal,
    ).catch(() => '');
    if (direct.trim()) return direct.trim();
    const experiments = await this.refList(['refs/exps'], signal);
    return experiments.find((entry) => entry.name.split('/').pop() === ref)?.sha;
  }

  /** Local branches and tags, by short name, with their commits. */
  async branchesAndTags(
    signal?: AbortSignal,
  ): Promise<
    ReadonlyArray<{ readonly name: string; readonly sha: string; readonly kind: 'branch' | 'tag' }>
  > {
    const refs = await this.refList(['refs/heads', 'refs/tags'], signal);
    return refs.map((ref) => ({
      name: ref.name.replace(/^refs\/(heads|tags)\//, ''),
      sha: ref.sha,
      kind: ref.name.startsWith('refs/tags/') ? ('tag' as const) : ('branch' as const),
    }));
  }

  /** The newest commits of HEAD: sha and subject. */
  async recentCommits(
    count: number,
    signal?: AbortSignal,
  ): Promise<ReadonlyArray<{ readonly sha: string; readonly subject: string }>> {
    const output = await this.call(
      (git) =>
        git.raw(['log', `--max-count=${Math.max(1, Math.floor(count))}`, '--format=%H%x00%s', 'HEAD', '--']),
      signal,
    ).catch(() => '');
    return nulPairs(output).map(([sha, subject]) => ({ sha, subject }));
  }

  private async refList(
    patterns: readonly string[],
    signal?: AbortSignal,
  ): Promise<Array<{ readonly name: string; readonly sha: string }>> {
    const output = await this.call(
      (git) => git.raw(['for-each-ref', '--format=%(objectname)%00%(refname)', ...patterns]),
      signal,
    );
    return nulPairs(output).map(([sha, name]) => ({ sha, name }));
  }

  /** Shas (newest first, first parents only, at most `limit`) of the commits that changed `path`. */
  async commitsTouching(path: string, limit: number, signal?: AbortSignal): Promise<string[]> {
    const output = await this.call(
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
   * A file's text at a revision (`git show <rev>:./<path>`, the path relative to `folder`), or undefined when
   * the file does not exist there.
   */
  async fileAt(rev: string, path: string, signal?: AbortSignal): Promise<string | undefined> {
    const object = `${asGitRevision(rev)}:./${path}`;
    try {
      return await this.call((git) => git.raw(['show', object]), signal);
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

  /** The checked-out branch, or undefined on a detached HEAD (or before the first commit). */
  async currentBranch(signal?: AbortSignal): Promise<string | undefined> {
    try {
      const name = (
        await this.call((git) => git.raw(['symbolic-ref', '--short', '-q', 'HEAD']), signal)
      ).trim();
      return name || undefined;
    } catch (error) {
      if (error instanceof ProcessError && error.reason === 'exit') return undefined;
      throw error;
    }
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
    const output = await this.call(
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

  /** HEAD's sha and committer date (seconds); undefined in a repository without commits. */
  async headCommit(
    signal?: AbortSignal,
  ): Promise<{ readonly sha: string; readonly committedAt: number } | undefined> {
    const output = await this.call(
      (git) => git.raw(['log', '--max-count=1', '--format=%H%x00%ct', 'HEAD', '--']),
      signal,
    ).catch(() => '');
    const [sha, committedAt] = output.trim().split('\0');
    return sha && committedAt ? { sha, committedAt: Number(committedAt) } : undefined;
  }

  /** Pushes the named tags to `remote` (a configured remote's name), each as `refs/tags/<name>`. */
  async pushTags(remote: string, tags: readonly string[], signal?: AbortSignal): Promise<void> {
    const refspecs = tags.map((tag) => `refs/tags/${tag}:refs/tags/${tag}`);
    await this.call(
      (git) => git.raw(['push', '--end-of-options', asGitRevision(remote), ...refspecs]),
      signal,
      'write',
    );
  }

  /** True for a shallow clone: history ends early, and the oldest commit's parent is missing. */
  async isShallow(signal?: AbortSignal): Promise<boolean> {
    return (
      (await this.call((git) => git.raw(['rev-parse', '--is-shallow-repository']), signal)).trim() === 'true'
    );
  }

  private async call<T>(
    operation: (git: SimpleGit) => Promise<T>,
    signal?: AbortSignal,
    access: GitAccess = 'read',
  ): Promise<T> {
    const spawned: string[][] = [];
    const limit = access === 'read' ? this.options.readTimeoutMs?.() : undefined;
    const deadline = new ReadDeadline(limit, signal);
    const startedAt = new Date();
    const started = performance.now();
    const logLine = (outcome: ProcessLogOutcome): string => {
      const commandLine = spawned.map((args) => formatCommandLine('git', args)).join(' && ') || 'git';
      this.options.log?.append(
        formatProcessLogLine({
          startedAt,
          commandLine,
          cwd: this.folder,
          outcome,
          durationMs: performance.now() - started,
        }),
      );
      return commandLine;
    };
    try {
      // Created per call: it throws at once for a missing folder, and the abort signal belongs to this call.
      const git = simpleGit({
        baseDir: this.folder,
        binary: this.options.binary ?? 'git',
        ...(deadline.signal ? { abort: deadline.signal } : {}),
        unsafe: ENVIRONMENT_SOURCED_CATEGORIES,
      })
        .env(this.environment())
        .outputHandler((_command, _stdout, _stderr, args) => {
          spawned.push(args);
          deadline.start();
        });
      const result = await operation(git);
      logLine({ kind: 'exit', exitCode: 0 });
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failure = failureReason(error, message);
      // The abort that stops git is ours when the limit ran out: a timeout, not the caller's cancellation.
      const reason = failure === 'cancelled' && deadline.expired ? 'timeout' : failure;
      const commandLine = logLine(reason === 'exit' ? { kind: 'failed', message } : { kind: reason });
      throw new ProcessError({
        reason,
        commandLine,
        cwd: this.folder,
        exitCode: undefined,
        signal: undefined,
        stdout: '',
        stderr: message,
        durationMs: performance.now() - started,
        message:
          reason === 'notFound'
            ? `git was not found (${this.options.binary ?? 'git on PATH'})`
            : reason === 'cancelled'
              ? `${commandLine} was cancelled`
              : reason === 'timeout'
                ? `${commandLine} timed out after ${limit} ms`
                : `${commandLine} failed: ${message.trim()}`,
      });
    } finally {
      deadline.dispose();
    }
  }

  private environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    return {
      ...env,
      GIT_TERMINAL_PROMPT: PROCESS_ENVIRONMENT.GIT_TERMINAL_PROMPT ?? '0',
      ...this.options.env,
    };
  }
}

/** Lines of `a\0b` (git formats with `%x00`): the pairs. */
function nulPairs(output: string): Array<[string, string]> {
  return output
    .split('\n')
    .filter((line) => line.includes('\0'))
    .map((line) => {
      const [first = '', second = ''] = line.split('\0');
      return [first, second];
    });
}

/** Refuses a revision that git would read as an option. */
function asGitRevision(value: string): string {
  if (value.startsWith('-'))
    throw new FlagLikeValueError(`'${value}' is not a valid git revision: git would read it as an option.`);
  return value;
}

function failureReason(
  error: unknown,
  message: string,
): Extract<ProcessFailureReason, 'exit' | 'cancelled' | 'notFound'> {
  if (error instanceof GitPluginError && error.plugin === 'abort') return 'cancelled';
  if (/\bENOENT\b/.test(message)) return 'notFound';
  return 'exit';
}

/** Refuses a remote name git would read as an option (names come from settings). */
function asGitRemote(value: string): string {
  if (value.startsWith('-') || value.length === 0)
    throw new FlagLikeValueError(
      `'${value}' is not a valid git remote name: git would read it as an option.`,
    );
  return value;
}
