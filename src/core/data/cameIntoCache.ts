/**
 * Whether data came into DVC's cache between two `dvc data status` answers: a path the first answer listed as
 * not in the cache is, in the second, listed and no longer missing. That is how a `dvc pull` or `dvc fetch` run
 * in a terminal shows up (DVC Lens's own Pull says so itself); what was read from the cache before, such as a
 * commit's metrics, may have values now.
 */
import type { DataStatus } from './dataStatus';

export function cameIntoCache(before: DataStatus | undefined, after: DataStatus): boolean {
  if (!before) return false;
  const missingBefore = new Set(
    before.entries.filter((entry) => entry.notInCache).map((entry) => entry.path),
  );
  if (missingBefore.size === 0) return false;
  return after.entries.some((entry) => missingBefore.has(entry.path) && !entry.notInCache);
}
