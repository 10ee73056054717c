/**
 * `dvc data status --granular --unchanged --json [--not-in-remote]` into one entry per path. Shapes recorded
 * from DVC 3.67.1 (test/fixtures/dvc-data-status): top-level keys `committed` and `uncommitted` (each
 * `{added, modified, deleted, …}`), `not_in_cache`, `not_in_remote`, `unchanged`, `untracked`; directories are
 * listed with a trailing `/`, files inside them one by one.
 */

/** A change between two states of a tracked path. DVC calls `new` "added". */
export type DataChange = 'new' | 'modified' | 'deleted';

/** What DVC knows about one tracked path (a file, or a directory with its trailing `/` removed). */
export interface DataPathStatus {
  readonly path: string;
  readonly isDirectory: boolean;
  /** Recorded by DVC (`dvc add`/`dvc commit` updated the `.dvc` or `dvc.lock` file) but not yet in git. */
  readonly committed: DataChange | undefined;
  /** The workspace differs from what the `.dvc` or `dvc.lock` file records. */
  readonly uncommitted: DataChange | undefined;
  /** The recorded version is missing from the local cache (`dvc pull` or `dvc fetch` would bring it). */
  readonly notInCache: boolean;
  /** Missing from the default remote; only asked for with `--not-in-remote`. */
  readonly notInRemote: boolean;
  /** The workspace matches what git and DVC record. */
  readonly unchanged: boolean;
}

/** The parsed answer of `dvc data status`, paths sorted. */
export interface DataStatus {
  readonly entries: readonly DataPathStatus[];
  /** Paths git does not track (`untracked`, only with `--untracked-files`). */
  readonly untracked: readonly string[];
}

/** `dvc data status --json` did not return the object it documents. */
export class DataStatusShapeError extends Error {
  override readonly name = 'DataStatusShapeError';
}

const CHANGE_KEYS: ReadonlyArray<readonly [string, DataChange]> = [
  ['added', 'new'],
  ['modified', 'modified'],
  ['deleted', 'deleted'],
];

interface MutableEntry {
  path: string;
  isDirectory: boolean;
  committed: DataChange | undefined;
  uncommitted: DataChange | undefined;
  notInCache: boolean;
  notInRemote: boolean;
  unchanged: boolean;
}

export function parseDataStatus(json: unknown): DataStatus {
  if (!isRecord(json)) throw new DataStatusShapeError('dvc data status --json did not return an object');
  const entries = new Map<string, MutableEntry>();
  const entry = (raw: string): MutableEntry => {
    const isDirectory = raw.endsWith('/');
    const path = isDirectory ? raw.replace(/\/+$/, '') : raw;
    let found = entries.get(path);
    if (!found) {
      found = {
        path,
        isDirectory,
        committed: undefined,
        uncommitted: undefined,
        notInCache: false,
        notInRemote: false,
        unchanged: false,
      };
      entries.set(path, found);
    }
    found.isDirectory ||= isDirectory;
    return found;
  };

  for (const stage of ['committed', 'uncommitted'] as const) {
    const changes = json[stage];
    if (changes === undefined) continue;
    if (!isRecord(changes)) throw new DataStatusShapeError(`"${stage}" is not an object`);
    for (const [key, change] of CHANGE_KEYS)
      for (const path of stringList(changes[key], `${stage}.${key}`)) entry(path)[stage] = change;
  }
  for (const path of stringList(json.not_in_cache, 'not_in_cache')) entry(path).notInCache = true;
  for (const path of stringList(json.not_in_remote, 'not_in_remote')) entry(path).notInRemote = true;
  for (const path of stringList(json.unchanged, 'unchanged')) entry(path).unchanged = true;

  return {
    entries: [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    untracked: stringList(json.untracked, 'untracked'),
  };
}

/** True when some path has a version DVC cannot find in the default remote. */
export function hasDataMissingFromRemote(status: DataStatus): boolean {
  return status.entries.some((entry) => entry.notInRemote);
}

function stringList(value: unknown, key: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new DataStatusShapeError(`"${key}" is not a list`);
  // Renames, when DVC reports them, are objects rather than paths; they are not part of this model.
  return value.filter((item): item is string => typeof item === 'string');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
