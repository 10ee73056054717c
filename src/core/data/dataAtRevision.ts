/**
 * Where a DVC-tracked file's content is at a revision, worked out from the metadata git keeps for it: the
 * `.dvc` file that tracks it (or its folder), or the dvc.lock whose stage writes it. The md5 found there names
 * the object in DVC's cache (DVC 3: `files/md5/<first 2>/<rest>`); a file inside a tracked folder is listed
 * in the folder's `.dir` manifest (a JSON list of `{ md5, relpath }`). Pure: the caller reads the files.
 */
import { parseDvcFile } from './dvcFile';
import { parseDvcLockOuts } from './dvcLockOuts';
import { folderOf, joinPath } from '../pipeline/pipelinePaths';

/** The metadata files that could record `path` (repository-relative), nearest first. */
export interface MetadataCandidates {
  readonly dvcFiles: readonly string[];
  readonly lockFiles: readonly string[];
}

export function metadataCandidates(path: string): MetadataCandidates {
  const normalized = joinPath(path);
  const dvcFiles: string[] = [];
  const lockFiles: string[] = [];
  let current = normalized;
  while (current !== '') {
    dvcFiles.push(`${current}.dvc`);
    current = folderOf(current);
    lockFiles.push(current === '' ? 'dvc.lock' : `${current}/dvc.lock`);
  }
  return { dvcFiles, lockFiles };
}

/** What the metadata says of the file: its own object, or its place in a tracked folder's manifest. */
export type TrackedObject =
  | { readonly kind: 'file'; readonly md5: string; readonly size: number | undefined }
  | { readonly kind: 'inDirectory'; readonly directoryMd5: string; readonly relpath: string };

/** A metadata file's text at the revision (absent files are left out). */
export interface MetadataText {
  readonly file: string;
  readonly text: string;
}

/** The object that holds `path` (repository-relative), or undefined when no metadata records it. */
export function locateTrackedObject(
  path: string,
  dvcFiles: readonly MetadataText[],
  lockFiles: readonly MetadataText[],
): TrackedObject | undefined {
  const target = joinPath(path);
  const outs = [
    ...dvcFiles.flatMap(({ file, text }) =>
      parseDvcFile(text).outs.map((out) => ({ ...out, path: joinPath(folderOf(file), out.path) })),
    ),
    ...lockFiles.flatMap(({ file, text }) => parseDvcLockOuts(text, file).outs),
  ];
  for (const out of outs) {
    if (out.md5 === undefined) continue;
    if (out.path === target && !out.isDirectory) return { kind: 'file', md5: out.md5, size: out.size };
    if (out.isDirectory && target.startsWith(`${out.path}/`))
      return { kind: 'inDirectory', directoryMd5: out.md5, relpath: target.slice(out.path.length + 1) };
  }
  return undefined;
}

/** The object's path inside the cache folder (`.dvc/cache` by default): `files/md5/ab/cdef…`. */
export function cacheObjectPath(md5: string): string {
  return `files/md5/${md5.slice(0, 2)}/${md5.slice(2)}`;
}

/** The md5 of `relpath` in a `.dir` manifest, or undefined (not listed, or not a manifest). */
export function md5InDirectoryManifest(manifest: string, relpath: string): string | undefined {
  let entries: unknown;
  try {
    entries = JSON.parse(manifest);
  } catch {
    return undefined;
  }
  if (!Array.isArray(entries)) return undefined;
  for (const entry of entries as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { md5, relpath: listed } = entry as { md5?: unknown; relpath?: unknown };
    if (listed === relpath && typeof md5 === 'string') return md5;
  }
  return undefined;
}

/** What a diff side shows: the text, or why there is none. */
export type DiffSideText =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'tooLarge'; readonly size: number }
  | { readonly kind: 'binary' };

/** The content as text for a diff, unless it is over `maxBytes` or looks binary (a NUL in its first 8 kB). */
export function diffSideText(bytes: Uint8Array, maxBytes: number): DiffSideText {
  if (bytes.length > maxBytes) return { kind: 'tooLarge', size: bytes.length };
  if (bytes.subarray(0, 8192).includes(0)) return { kind: 'binary' };
  return { kind: 'text', text: new TextDecoder().decode(bytes) };
}
