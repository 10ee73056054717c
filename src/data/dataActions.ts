/**
 * The data commands of one repository without VS Code: check out, commit to the cache, stop tracking, and
 * commit the metadata DVC wrote (`.dvc` files, dvc.lock, .gitignore) to git. DVC writes go through the
 * repository's write lane; git calls go through GitCli.
 */
import { posix } from 'node:path';
import type { DvcCli, OutputListener } from '../repository/processes';
import type { GitCli } from '../repository/processes';
import type { RepositoryScheduler } from '../repository/processes';
import { positionals } from '../repository/processes';
import { dataMetadataChanges, type ChangedFile } from '../core/data/dataCommitMessage';

export interface DataWriteOptions {
  readonly signal?: AbortSignal;
  readonly onOutput?: OutputListener;
}

/** What Commit Data Changes committed. */
export interface DataCommit {
  readonly sha: string;
  readonly files: readonly string[];
}

export class DataActions {
  constructor(
    private readonly cli: DvcCli,
    private readonly scheduler: RepositoryScheduler,
    private readonly git: GitCli,
  ) {}

  get root(): string {
    return this.cli.root;
  }

  /** `dvc checkout [--force] <target>`: the workspace gets the version DVC records. */
  async checkout(target: string, force: boolean, options: DataWriteOptions = {}): Promise<void> {
    await this.dvcWrite(
      ['checkout', ...(force ? ['--force'] : []), ...positionals([target])],
      `Check out ${target}`,
      options,
    );
  }

  /**
   * `dvc commit --force <target>`: DVC records the workspace version in the `.dvc` file or dvc.lock and
   * copies it into the cache. `--force` because DVC would otherwise ask on the terminal, which has no one.
   */
  async commit(target: string, options: DataWriteOptions = {}): Promise<void> {
    await this.dvcWrite(
      ['commit', '--force', ...positionals([target])],
      `Commit ${target} to the cache`,
      options,
    );
  }

  /**
   * `dvc remove <file>.dvc`: DVC deletes the `.dvc` file and the path's .gitignore entry and keeps the data in
   * the workspace. The removal is then staged in git where git knew the files. Returns what was staged.
   */
  async untrack(dvcFile: string, options: DataWriteOptions = {}): Promise<string[]> {
    await this.dvcWrite(['remove', ...positionals([dvcFile])], `Stop tracking ${dvcFile}`, options);
    const folder = posix.dirname(dvcFile);
    const gitignore = folder === '.' ? '.gitignore' : `${folder}/.gitignore`;
    const known = await this.git.trackedFiles([dvcFile, gitignore], options.signal);
    if (known.length > 0) await this.git.add(known, options.signal);
    return known;
  }

  /** The files git tracks at or under `paths` (DVC refuses to track those until git lets go). */
  gitTrackedFiles(paths: readonly string[], signal?: AbortSignal): Promise<string[]> {
    return this.git.trackedFiles(paths, signal);
  }

  /** `git rm -r --cached`: git stops tracking the paths; the files stay. */
  stopGitTracking(paths: readonly string[], signal?: AbortSignal): Promise<void> {
    return this.git.removeFromIndex(paths, signal);
  }

  /** Changed `.dvc`, dvc.lock and .gitignore files of this repository, relative to its root, sorted. */
  async pendingMetadataChanges(signal?: AbortSignal): Promise<string[]> {
    return dataMetadataChanges(await this.changedFiles(signal));
  }

  /**
   * Stages the metadata files and commits exactly them (`git commit -- <files>`: anything else staged stays
   * staged and out of the commit). `files` defaults to every pending metadata change; `undefined` when there
   * is nothing to commit.
   */
  async commitDataChanges(
    message: string,
    files?: readonly string[],
    signal?: AbortSignal,
  ): Promise<DataCommit | undefined> {
    const changed = await this.changedFiles(signal);
    const chosen = files ?? dataMetadataChanges(changed);
    if (chosen.length === 0) return undefined;
    // `git add` of a path whose change is already staged and gone from the workspace (a staged deletion)
    // fails on the pathspec: add only what has unstaged changes.
    const codes = new Map(changed.map((file) => [file.path, file.code]));
    const unstaged = chosen.filter((path) => (codes.get(path)?.[1] ?? ' ') !== ' ');
    if (unstaged.length > 0) await this.git.add(unstaged, signal);
    const sha = await this.git.commit(message, chosen, signal);
    return { sha, files: chosen };
  }

  /** git status of this repository's files, relative to its root. */
  private async changedFiles(signal?: AbortSignal): Promise<ChangedFile[]> {
    const prefix = await this.git.folderPrefix(signal);
    // git status names paths from the top of the work tree; this repository may be a folder inside it.
    return (await this.git.changedFiles(signal))
      .filter((file) => file.path.startsWith(prefix))
      .map((file) => ({ path: file.path.slice(prefix.length), code: file.code }));
  }

  private async dvcWrite(args: readonly string[], label: string, options: DataWriteOptions): Promise<void> {
    const { command, prefixArgs } = this.cli.executable;
    await this.scheduler.write(
      { file: command, args: [...prefixArgs, ...args] },
      { signal: options.signal, onOutput: options.onOutput, label },
    );
  }
}
