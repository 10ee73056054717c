import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  filesChangedSince,
  paramsFilesOf,
  restorableFiles,
  type FileBytes,
} from '../core/experiments/paramsBeforeRun';
import type { ParamOverride } from '../core/experiments/experimentOverrides';

/**
 * The bytes of the params files a run's `-S` overrides write into, read before DVC starts, so that a run that
 * fails after DVC rewrote them can be undone to exactly what the person had (see paramsBeforeRun.ts).
 */
export class KeptParamsFiles {
  private constructor(
    private readonly root: string,
    private readonly kept: readonly FileBytes[],
  ) {}

  /** Reads the files the overrides touch (none: nothing is kept, nothing can change). */
  static async keep(root: string, overrides: readonly ParamOverride[]): Promise<KeptParamsFiles> {
    return new KeptParamsFiles(root, await readAll(root, paramsFilesOf(overrides)));
  }

  /** The kept files whose bytes differ now and that existed before the run (so can be put back). */
  async changed(): Promise<string[]> {
    if (this.kept.length === 0) return [];
    const now = await readAll(
      this.root,
      this.kept.map((file) => file.path),
    );
    return restorableFiles(this.kept, filesChangedSince(this.kept, now)).map((file) => file.path);
  }

  /** Writes the kept bytes of `files` back, as they were before the run. */
  async restore(files: readonly string[]): Promise<void> {
    for (const file of restorableFiles(this.kept, files))
      if (file.bytes) await writeFile(join(this.root, file.path), file.bytes);
  }
}

async function readAll(root: string, paths: readonly string[]): Promise<FileBytes[]> {
  return Promise.all(paths.map(async (path) => ({ path, bytes: await readIfThere(join(root, path)) })));
}

async function readIfThere(path: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
