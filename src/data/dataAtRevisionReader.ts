/**
 * The bytes of a DVC-tracked file at a git revision, without VS Code: the md5 from the file's metadata at that
 * revision (its `.dvc` file, its folder's, or the dvc.lock of the stage that writes it, read with `git show`),
 * the bytes from the local cache, or when the cache lacks them from `dvc get --rev` (which can fetch from the
 * remote and knows a configured cache.dir).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cacheObjectPath,
  locateTrackedObject,
  md5InDirectoryManifest,
  metadataCandidates,
  type MetadataText,
} from '../core/data/dataAtRevision';
import type { DvcCli, GitCli } from '../repository/processes';
import { optionValue, positionals } from '../repository/processes';

export interface DataAtRevisionSources {
  /** The repository root on disk. */
  readonly root: string;
  readonly git: Pick<GitCli, 'fileAt'>;
  /** DVC for the `dvc get` fallback; undefined where DVC may not run (or was not found). */
  readonly dvc: Pick<DvcCli, 'readText'> | undefined;
  /** A file under DVC's cache folder (`files/md5/…`), or undefined when it is not there. */
  readCacheObject(relativePath: string): Promise<Uint8Array | undefined>;
  /** Says why `dvc get` failed (to the Output log). */
  logError(message: string): void;
}

export type DataAtRevision =
  | { readonly kind: 'bytes'; readonly bytes: Uint8Array }
  /** No metadata at that revision records the path. */
  | { readonly kind: 'untracked' }
  /** The metadata gives a size over the limit: nothing was read. */
  | { readonly kind: 'tooLarge'; readonly size: number }
  /** Tracked, but neither the cache nor `dvc get` had the content. */
  | { readonly kind: 'unavailable' };

export async function readDataAtRevision(
  sources: DataAtRevisionSources,
  path: string,
  rev: string,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<DataAtRevision> {
  const candidates = metadataCandidates(path);
  const read = async (files: readonly string[]): Promise<MetadataText[]> => {
    const texts = await Promise.all(files.map((file) => sources.git.fileAt(rev, file, signal)));
    return files.flatMap((file, index) => {
      const text = texts[index];
      return text === undefined ? [] : [{ file, text }];
    });
  };
  const [dvcFiles, lockFiles] = await Promise.all([read(candidates.dvcFiles), read(candidates.lockFiles)]);
  const object = locateTrackedObject(path, dvcFiles, lockFiles);
  if (!object) return { kind: 'untracked' };
  if (object.kind === 'file' && object.size !== undefined && object.size > maxBytes)
    return { kind: 'tooLarge', size: object.size };

  let md5: string | undefined;
  if (object.kind === 'file') md5 = object.md5;
  else {
    const manifest = await sources.readCacheObject(cacheObjectPath(object.directoryMd5));
    md5 = manifest && md5InDirectoryManifest(new TextDecoder().decode(manifest), object.relpath);
  }
  const bytes =
    (md5 ? await sources.readCacheObject(cacheObjectPath(md5)) : undefined) ??
    (await viaDvcGet(sources, path, rev, signal));
  return bytes ? { kind: 'bytes', bytes } : { kind: 'unavailable' };
}

/** `dvc get --rev <rev> --out <temp> <root> <path>`, read back and removed. */
async function viaDvcGet(
  sources: DataAtRevisionSources,
  path: string,
  rev: string,
  signal: AbortSignal | undefined,
): Promise<Uint8Array | undefined> {
  if (!sources.dvc) return undefined;
  const folder = await mkdtemp(join(tmpdir(), 'dvc-lens-data-'));
  const out = join(folder, 'content');
  try {
    await sources.dvc.readText(
      [
        'get',
        ...optionValue('--rev', rev),
        ...optionValue('--out', out),
        ...positionals([sources.root, path]),
      ],
      { signal, takesRepositoryLock: false },
    );
    return await readFile(out);
  } catch (error) {
    sources.logError(
      `dvc get of ${path} at ${rev} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
