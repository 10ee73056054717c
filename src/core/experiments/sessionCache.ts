/**
 * What the experiments view keeps of a session for the next one (workspace storage): the commits it showed,
 * each kept by its sha with its experiments, so the next start paints them at once and marks them as
 * refreshing until DVC answers. Bounded: the newest commits that fit the byte budget.
 */
import type { CommitRow, ExperimentsModel } from './experimentModel';

/** The file's shape; `version` changes when the model's shape does (an old file is then ignored). */
export interface ExperimentsSessionCache {
  readonly version: number;
  /** HEAD's branch as DVC listed it, newest first. */
  readonly order: readonly string[];
  /** sha → the commit's row with its experiments. */
  readonly commits: Readonly<Record<string, CommitRow>>;
}

export const SESSION_CACHE_VERSION = 1;
/** At most this many bytes of JSON per repository. */
export const SESSION_CACHE_BYTES = 2 * 1024 * 1024;

/** The cache of a model, newest commits first, as many as fit `budget` bytes (undefined: none fit). */
export function sessionCacheOf(model: ExperimentsModel, budget = SESSION_CACHE_BYTES): string | undefined {
  let used = 64;
  const order: string[] = [];
  const commits: Record<string, CommitRow> = {};
  for (const commit of model.commits) {
    const size = JSON.stringify(commit).length + commit.rev.length + 8;
    if (used + size > budget) break;
    used += size;
    order.push(commit.rev);
    commits[commit.rev] = commit;
  }
  if (order.length === 0) return undefined;
  const cache: ExperimentsSessionCache = { version: SESSION_CACHE_VERSION, order, commits };
  return JSON.stringify(cache);
}

/** The commits kept by the last session, in its order; [] for a missing, old or damaged cache. */
export function commitsOfSessionCache(text: string | undefined): CommitRow[] {
  if (!text) return [];
  try {
    const cache = JSON.parse(text) as Partial<ExperimentsSessionCache>;
    if (cache.version !== SESSION_CACHE_VERSION || !Array.isArray(cache.order) || !cache.commits) return [];
    const rows: CommitRow[] = [];
    for (const sha of cache.order) {
      const row = typeof sha === 'string' ? cache.commits[sha] : undefined;
      if (row && row.kind === 'commit' && row.rev === sha && Array.isArray(row.experiments)) rows.push(row);
    }
    return rows;
  } catch {
    return [];
  }
}
