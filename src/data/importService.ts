/**
 * Bringing data into a repository without VS Code: `dvc import-url` (tracked, updatable), `dvc get-url` (a
 * one-off download, untracked), `dvc import` (from another DVC repository) and `dvc update`. All of them go
 * through the repository's write lane. A download that fails or is cancelled leaves nothing half-written:
 * what it created is removed, and what existed before is never touched (see core/data/importOutput.ts).
 */
import { mkdir, readdir, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { DvcCli, OutputListener } from '../repository/processes';
import { isProcessError } from '../repository/processes';
import type { RepositoryScheduler } from '../repository/processes';
import { optionalValue, optionValue, positionals } from '../repository/processes';
import {
  gitignoreEntry,
  importOutputProblem,
  isDvcTemporaryFile,
  normalizeImportOutput,
  withoutLine,
} from '../core/data/importOutput';
import { failureDetail } from '../core/remotes/remoteFailure';
import { WorkspaceSnapshot } from './workspaceSnapshot';

export interface ImportOptions {
  readonly signal?: AbortSignal;
  readonly onOutput?: OutputListener;
}

/** What an import wrote, relative to the repository root. */
export interface ImportResult {
  readonly out: string;
  /** The `.dvc` file recording the import; undefined for `get-url` (untracked). */
  readonly dvcFile: string | undefined;
}

/** An import, download or update that did not complete; `removed` lists what we cleaned up after DVC. */
export class DataImportError extends Error {
  override readonly name = 'DataImportError';
  constructor(
    message: string,
    readonly removed: readonly string[],
    override readonly cause: unknown,
  ) {
    super(message);
  }

  get cancelled(): boolean {
    return isProcessError(this.cause, 'cancelled');
  }
}

export class ImportService {
  constructor(
    private readonly cli: DvcCli,
    private readonly scheduler: RepositoryScheduler,
  ) {}

  /** `dvc import-url <url> <out>`: downloads and tracks `out`, recorded in `<out>.dvc` with the URL. */
  importUrl(url: string, out: string, options: ImportOptions = {}): Promise<ImportResult> {
    return this.download((target) => ['import-url', ...positionals([url, target])], url, out, true, options);
  }

  /** `dvc get-url <url> <out>`: downloads once; DVC does not track the result. */
  getUrl(url: string, out: string, options: ImportOptions = {}): Promise<ImportResult> {
    return this.download((target) => ['get-url', ...positionals([url, target])], url, out, false, options);
  }

  /** `dvc import <repository> <path> -o <out> [--rev <rev>]`: tracked data from another DVC project. */
  importFromRepository(
    repository: string,
    path: string,
    out: string,
    options: ImportOptions & { readonly rev?: string } = {},
  ): Promise<ImportResult> {
    const rev = optionalValue('--rev', options.rev || undefined);
    return this.download(
      (target) => ['import', ...rev, ...optionValue('--out', target), ...positionals([repository, path])],
      `${path} of ${repository}`,
      out,
      true,
      options,
    );
  }

  /**
   * `dvc update <file.dvc>`: fetches the newest version of an import. The output exists already, so a failure
   * only removes DVC's temporary files; DVC keeps the old data until the new download is complete.
   */
  async update(dvcFile: string, options: ImportOptions = {}): Promise<void> {
    const target = normalizeImportOutput(dvcFile);
    const folder = posix.dirname(target);
    const before = await this.temporaryFiles(folder);
    try {
      await this.write(['update', ...positionals([target])], `Update ${target}`, options);
    } catch (error) {
      const removed = await this.removeNewTemporaryFiles(folder, before);
      throw new DataImportError(`Could not update ${target}: ${errorDetail(error)}`, removed, error);
    }
  }

  private async download(
    commandFor: (out: string) => string[],
    source: string,
    rawOut: string,
    tracked: boolean,
    options: ImportOptions,
  ): Promise<ImportResult> {
    const problem = importOutputProblem(rawOut);
    if (problem) throw new DataImportError(problem, [], undefined);
    const out = normalizeImportOutput(rawOut);
    const snapshot = await WorkspaceSnapshot.take(this.cli.root, out);
    // DVC would replace it (or refuse); either way a file the person had must not be at stake.
    if (snapshot.outExisted)
      throw new DataImportError(
        `${out} already exists. Choose another output or remove it first.`,
        [],
        undefined,
      );
    if (tracked && snapshot.dvcFileExisted)
      throw new DataImportError(`${out}.dvc already exists. Choose another output.`, [], undefined);
    const verb = tracked ? 'Import' : 'Download';
    try {
      // DVC 3.67.1 refuses an output whose folder is missing ("stage working dir … does not exist").
      const folder = posix.dirname(out);
      if (folder !== '.') await mkdir(join(this.cli.root, folder), { recursive: true });
      await this.write(commandFor(out), `${verb} ${source} to ${out}`, options);
    } catch (error) {
      const removed = await this.cleanUp(snapshot, out);
      const what = isProcessError(error, 'cancelled') ? 'was cancelled' : `failed: ${errorDetail(error)}`;
      throw new DataImportError(`${verb} of ${source} ${what}`, removed, error);
    }
    return { out, dvcFile: tracked ? `${out}.dvc` : undefined };
  }

  /** Removes what the failed command created: output, `.dvc` file, `.gitignore` entry, temp files, folders. */
  private async cleanUp(snapshot: WorkspaceSnapshot, out: string): Promise<string[]> {
    const root = this.cli.root;
    const removed: string[] = [];
    const remove = async (relative: string): Promise<void> => {
      if (!(await exists(join(root, relative)))) return;
      await rm(join(root, relative), { recursive: true, force: true });
      removed.push(relative);
    };
    await remove(out);
    if (!snapshot.dvcFileExisted) await remove(`${out}.dvc`);
    const folder = posix.dirname(out);
    removed.push(...(await this.removeNewTemporaryFiles(folder, snapshot.temporaryFiles)));
    const gitignore = folder === '.' ? '.gitignore' : `${folder}/.gitignore`;
    const entry = gitignoreEntry(out);
    const text = await readFile(join(root, gitignore), 'utf8').catch(() => undefined);
    if (text !== undefined && !snapshot.ignoredBefore && text.split(/\r?\n/).includes(entry)) {
      const rest = withoutLine(text, entry);
      if (snapshot.gitignoreText === undefined && rest.trim().length === 0) await remove(gitignore);
      else await writeFile(join(root, gitignore), rest);
      if (!removed.includes(gitignore)) removed.push(`${gitignore}: ${entry}`);
    }
    // Folders DVC created for the output, innermost first; rmdir refuses a folder that is not empty.
    for (const created of snapshot.createdFolders)
      await rmdir(join(root, created)).then(
        () => removed.push(created),
        () => undefined,
      );
    return removed;
  }

  private async temporaryFiles(folder: string): Promise<Set<string>> {
    const names = await readdir(join(this.cli.root, folder)).catch(() => []);
    return new Set(names.filter(isDvcTemporaryFile));
  }

  private async removeNewTemporaryFiles(folder: string, before: ReadonlySet<string>): Promise<string[]> {
    const removed: string[] = [];
    for (const name of await this.temporaryFiles(folder)) {
      if (before.has(name)) continue;
      const relative = folder === '.' ? name : `${folder}/${name}`;
      await rm(join(this.cli.root, relative), { force: true });
      removed.push(relative);
    }
    return removed;
  }

  private async write(args: readonly string[], label: string, options: ImportOptions): Promise<void> {
    const { command, prefixArgs } = this.cli.executable;
    await this.scheduler.write(
      { file: command, args: [...prefixArgs, ...args] },
      { signal: options.signal, onOutput: options.onOutput, label },
    );
  }
}

/** DVC's own sentence for a refused command; the error's message otherwise. */
function errorDetail(error: unknown): string {
  if (isProcessError(error, 'exit')) return failureDetail(`${error.stderr}\n${error.stdout}`);
  return error instanceof Error ? error.message : String(error);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
