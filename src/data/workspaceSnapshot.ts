/**
 * What was on disk around an import's output before DVC ran, so that a failed or cancelled import removes
 * only what DVC created: the output, its `.dvc` file, the `.gitignore` line, temporary files and folders.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { gitignoreEntry, isDvcTemporaryFile } from '../core/data/importOutput';

export class WorkspaceSnapshot {
  private constructor(
    readonly outExisted: boolean,
    readonly dvcFileExisted: boolean,
    /** The `.gitignore` of the output's folder, or undefined when there was none. */
    readonly gitignoreText: string | undefined,
    /** The output's `/name` line was in that `.gitignore` already. */
    readonly ignoredBefore: boolean,
    readonly temporaryFiles: ReadonlySet<string>,
    /** Folders on the way to the output that did not exist, innermost first. */
    readonly createdFolders: readonly string[],
  ) {}

  /** `out` is relative to `root`, `/`-separated and normalized. */
  static async take(root: string, out: string): Promise<WorkspaceSnapshot> {
    const folder = posix.dirname(out);
    const gitignoreText = await readFile(
      join(root, folder === '.' ? '.gitignore' : `${folder}/.gitignore`),
      'utf8',
    ).catch(() => undefined);
    const missingFolders: string[] = [];
    for (let current = folder; current !== '.'; current = posix.dirname(current)) {
      if (await exists(join(root, current))) break;
      missingFolders.push(current);
    }
    const names = await readdir(join(root, folder)).catch(() => []);
    return new WorkspaceSnapshot(
      await exists(join(root, out)),
      await exists(join(root, `${out}.dvc`)),
      gitignoreText,
      gitignoreText?.split(/\r?\n/).includes(gitignoreEntry(out)) ?? false,
      new Set(names.filter(isDvcTemporaryFile)),
      missingFolders,
    );
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
