/**
 * The files DVC's `exp show` answer marks as not readable because their data is not in the local cache (a
 * cached metrics output on a fresh clone: "No storage files available"). One detection for every view that
 * renders the experiments model (the table's "not in cache" cells, the Metrics view, History, Compare), and
 * one line that says so with Pull (issue 13 item 2).
 */
import { explainDvcFailure } from '../dvcFailure/explainDvcFailure';
import { allRows, type ExperimentRow, type ExperimentsModel } from './experimentModel';

/** DVC's per-file message says the file's data is in neither the local cache nor (reachably) the remote. */
export function isNotInCacheMessage(message: string): boolean {
  return explainDvcFailure(message).kind === 'dataMissing';
}

/**
 * The files of these rows whose data is not in the local cache, each once, in the rows' order. Params files
 * (a file any row read as params) are left out when `metricsOnly`: their column is a params one.
 */
export function filesNotInCache(
  rows: ReadonlyArray<ExperimentRow | undefined>,
  options: { readonly metricsOnly?: boolean } = {},
): string[] {
  const present = rows.filter((row): row is ExperimentRow => row !== undefined);
  const paramsFiles = new Set(present.flatMap((row) => Object.keys(row.params)));
  const files = present.flatMap((row) =>
    Object.entries(row.fileErrors)
      .filter(
        ([file, message]) => isNotInCacheMessage(message) && !(options.metricsOnly && paramsFiles.has(file)),
      )
      .map(([file]) => file),
  );
  return [...new Set(files)];
}

/** "eval/metrics.json: data not in the local cache", "3 files: data not in the local cache (a.json, b.json, …)". */
export function notInCacheLine(files: readonly string[]): string {
  const [only] = files;
  if (files.length === 1 && only !== undefined) return `${only}: data not in the local cache`;
  const shown = files.slice(0, 3).join(', ');
  return `${files.length} files: data not in the local cache (${shown}${files.length > 3 ? ', …' : ''})`;
}

/**
 * The metrics files not in the local cache at these revisions (a commit or experiment sha; `undefined` for the
 * workspace), as the model of `dvc exp show` knows them: Compare's own reads (`exp diff`) carry no per-file
 * reasons. A revision the model does not hold adds nothing.
 */
export function metricsNotInCacheAt(
  model: ExperimentsModel | undefined,
  revisions: ReadonlyArray<string | undefined>,
): string[] {
  if (!model) return [];
  const rows = allRows(model);
  const at = (sha: string | undefined): ExperimentRow | undefined =>
    sha === undefined ? model.workspace : rows.find((row) => row.rev === sha);
  return filesNotInCache(revisions.map(at), { metricsOnly: true });
}
