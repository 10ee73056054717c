/**
 * Outputs whose recorded version is not in the local cache (issue 13 item 2: on a fresh clone nothing is
 * pulled), summed from the sizes dvc.lock and the `.dvc` files record: the words of the one notice per
 * repository ("7 outputs, 3.4 kB, are not in the local cache").
 */
import { formatSize } from './dataSize';
import type { DataStatus } from './dataStatus';
import type { TrackedOut } from './trackedData';

export interface MissingData {
  /** The outputs (as dvc.lock and `.dvc` files name them) not in the local cache, sorted. */
  readonly paths: readonly string[];
  /** Their recorded sizes summed; outputs without a recorded size count as 0. */
  readonly bytes: number;
}

/** An output is missing when DVC says it, or anything inside it, is not in the cache. */
export function missingFromCache(outs: readonly TrackedOut[], status: DataStatus): MissingData {
  const notInCache = status.entries.filter((entry) => entry.notInCache).map((entry) => entry.path);
  const missing = outs.filter((out) =>
    notInCache.some((path) => path === out.path || path.startsWith(`${out.path}/`)),
  );
  const unique = new Map(missing.map((out) => [out.path, out]));
  return {
    paths: [...unique.keys()].sort(),
    bytes: [...unique.values()].reduce((sum, out) => sum + (out.size ?? 0), 0),
  };
}

/** One sentence, or undefined when nothing is missing. */
export function missingDataSentence(missing: MissingData): string | undefined {
  const count = missing.paths.length;
  if (count === 0) return undefined;
  const what = count === 1 ? `1 output (${missing.paths[0] ?? ''})` : `${count} outputs`;
  const verb = count === 1 ? 'is' : 'are';
  return `${what}, ${formatSize(missing.bytes)}, ${verb} not in the local cache.`;
}
