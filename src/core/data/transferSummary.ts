/**
 * What `dvc push`, `dvc pull` and `dvc fetch` print when they finish, as DVC 3.67.1 writes it to stdout
 * (test/fixtures/dvc-data-status/*-output.txt): "4 files pushed", "1 file fetched and 1 file added",
 * "Everything is up to date.", and for pull a line per changed workspace path ("A       data/raw.csv"). A pull
 * whose data is missing everywhere warns with one "md5: <hash>" line per missing cache file and fails.
 */

/** Counts from one push, pull or fetch. */
export interface TransferSummary {
  readonly pushed: number;
  readonly fetched: number;
  /** Workspace paths pull created, changed or removed (checkout). */
  readonly added: number;
  readonly modified: number;
  readonly deleted: number;
  /** Files DVC reported as failed to transfer ("N files failed to upload") plus targets whose checkout failed. */
  readonly failed: number;
  /** Cache hashes DVC found neither locally nor in the remote. */
  readonly missingHashes: readonly string[];
  readonly upToDate: boolean;
}

const COUNT = /(\d+) files? (pushed|fetched|added|modified|deleted|failed)/g;

export function parseTransferSummary(output: string): TransferSummary {
  const counts = { pushed: 0, fetched: 0, added: 0, modified: 0, deleted: 0, failed: 0 };
  for (const match of output.matchAll(COUNT)) {
    const key = match[2] as keyof typeof counts;
    counts[key] += Number(match[1]);
  }
  const missingHashes = [...output.matchAll(/^md5: ([0-9a-f]{32}(?:\.dir)?)\s*$/gm)].map(
    (match) => match[1] ?? '',
  );
  const checkoutFailed =
    /Checkout failed for following targets:\n([\s\S]*?)\n(?:Is your cache up to date\?|$)/.exec(output);
  const failedTargets = checkoutFailed?.[1]?.split('\n').filter((line) => line.trim().length > 0).length ?? 0;
  return {
    ...counts,
    failed: counts.failed + failedTargets,
    missingHashes,
    upToDate: /^Everything is up to date\.?$/m.test(output) && !/\d+ files? (pushed|fetched)/.test(output),
  };
}
