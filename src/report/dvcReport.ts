/**
 * The report as DVC sees it: `dvc metrics diff` and `dvc params diff` between a base revision and the
 * workspace (or a second revision), turned into markdown by src/core/report. Shared by the Preview Report
 * command and the headless `npm run report`, so both write the same text.
 */
import type { DvcCli } from '../cli/dvcCli';
import { parseMetricsDiff, parseParamsDiff } from '../core/report/diffOutputs';
import { buildReportMarkdown, type ReportImage } from '../core/report/reportMarkdown';

export interface DvcReportRequest {
  /** The revision to compare against (`main`, `origin/main`, a sha). */
  readonly base: string;
  /** A second revision; the workspace when absent. */
  readonly target?: string;
  /** The `dvcLens.experiments.metricDirections` setting. */
  readonly directions?: Readonly<Record<string, unknown>>;
  readonly images?: readonly ReportImage[];
  readonly signal?: AbortSignal;
}

export async function buildDvcReport(cli: DvcCli, request: DvcReportRequest): Promise<string> {
  const revisions = [asRevision(request.base), ...(request.target ? [asRevision(request.target)] : [])];
  const read = (command: 'metrics' | 'params'): Promise<unknown> =>
    cli.readJson([command, 'diff', ...revisions, '--json'], {
      signal: request.signal,
      slot: `report-${command}`,
    });
  // One after the other: two Python start-ups at once only compete for the same cores.
  const metrics = parseMetricsDiff(await read('metrics'));
  const params = parseParamsDiff(await read('params'));
  return buildReportMarkdown({
    base: request.base,
    target: request.target ?? 'workspace',
    metrics,
    params,
    ...(request.directions ? { directions: request.directions } : {}),
    ...(request.images ? { images: request.images } : {}),
  });
}

/** A revision that starts with `-` would be read as a flag. */
function asRevision(value: string): string {
  const revision = value.trim();
  if (!revision || revision.startsWith('-')) throw new Error(`'${value}' is not a revision`);
  return revision;
}
