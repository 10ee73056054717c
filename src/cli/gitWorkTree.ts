/**
 * The work tree and its index: where the repository is, what is changed or staged; add, commit, and stop
 * tracking.
 */
import { isDirectory } from './pathChecks';
import { optionValue } from './safeArguments';
import type { GitRunner } from './gitRunner';

/** A path `git status` reports (relative to the repository root) and its two-letter code (`M `, `??`). */
export interface ChangedFile {
  readonly path: string;
  readonly code: string;
}

export class GitWorkTree {
  constructor(private readonly runner: GitRunner) {}

  /** True when the folder is inside a git work tree (the folder itself or a parent holds `.git`). */
  async isRepository(signal?: AbortSignal): Promise<boolean> {
    if (!(await isDirectory(this.runner.folder))) return false;
    return this.runner.run((git) => git.checkIsRepo(), signal);
  }

  /** The work tree's top folder (may be a parent of `folder`). */
  async repositoryRoot(signal?: AbortSignal): Promise<string> {
    return (await this.runner.run((git) => git.revparse(['--show-toplevel']), signal)).trim();
  }

  async init(signal?: AbortSignal): Promise<void> {
    await this.runner.run((git) => git.init(), signal, 'write');
  }

  /** Where `folder` is inside its work tree: "" at the top, "sub/dir/" below it (git status paths start so). */
  async folderPrefix(signal?: AbortSignal): Promise<string> {
    return (await this.runner.run((git) => git.revparse(['--show-prefix']), signal)).trim();
  }

  /** True when the index holds changes that the next commit would include. */
  async hasStagedChanges(signal?: AbortSignal): Promise<boolean> {
    const status = await this.runner.run((git) => git.status(), signal);
    return status.files.some((file) => !['', ' ', '?', '!'].includes(file.index));
  }

  /** Paths (relative to the repository root) that `git status` reports, with their two-letter codes. */
  async changedFiles(signal?: AbortSignal): Promise<readonly ChangedFile[]> {
    const status = await this.runner.run((git) => git.status(), signal);
    return status.files.map((file) => ({ path: file.path, code: `${file.index}${file.working_dir}` }));
  }

  /** The files git tracks (in its index) at or under `paths`, relative to `folder`. */
  async trackedFiles(paths: readonly string[], signal?: AbortSignal): Promise<string[]> {
    if (paths.length === 0) return [];
    const output = await this.runner.run((git) => git.raw(['ls-files', '-z', '--', ...paths]), signal);
    return output.split('\0').filter((path) => path.length > 0);
  }

  async add(paths: readonly string[], signal?: AbortSignal): Promise<void> {
    await this.runner.run((git) => git.add(['--', ...paths]), signal, 'write');
  }

  /**
   * Commits exactly `paths` (`git commit -- <paths>`: their working-tree content, whatever else is staged
   * stays out); returns the new commit's sha.
   */
  async commit(message: string, paths: readonly string[], signal?: AbortSignal): Promise<string> {
    await this.runner.run(
      (git) => git.raw(['commit', '--quiet', ...optionValue('--message', message), '--', ...paths]),
      signal,
      'write',
    );
    return (await this.runner.run((git) => git.revparse(['HEAD']), signal)).trim();
  }

  /** `git rm -r --cached`: git stops tracking the paths; the files stay in the workspace. */
  async removeFromIndex(paths: readonly string[], signal?: AbortSignal): Promise<void> {
    await this.runner.run(
      (git) => git.raw(['rm', '-r', '--cached', '--quiet', '--', ...paths]),
      signal,
      'write',
    );
  }
}
