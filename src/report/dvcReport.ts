/**
 * The report as DVC sees it: `dvc metrics diff` and `dvc params diff` between a base revision and the
 * workspace (or a second revision), and the plots of `dvc plots diff` as image files next to the report,
 * turned into markdown by src/core/report. Shared by the Preview Report
 * command and the headless `npm run report`, so both write the same text.
 */
import type { DvcCli } from '../repository/processes';
import { parseMetricsDiff, parseParamsDiff } from '../core/report/diffOutputs';
import { buildReportMarkdown, type ReportImage } from '../core/report/reportMarkdown';
import { writeReportPlots, type SvgRenderer } from './reportPlotImages';

export interface DvcReportRequest {
  /** The revision to compare against (`main`, `origin/main`, a sha). */
  readonly base: string;
  /** A second revision; the workspace when absent. */
  readonly target?: string;
  /** The `dvcLens.experiments.metricDirections` setting. */
  readonly directions?: Readonly<Record<string, unknown>>;
  readonly images?: readonly ReportImage[];
  /**
   * Where the plots' images go (`folder`: next to the report file, `<report>-plots`, linked from the markdown
   * by `<folder name>/<file>`) and what renders them. Without it the report has no plots section.
   */
  readonly plots?: { readonly folder: string; readonly renderSvg: SvgRenderer };
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
  const plots = request.plots
    ? await writeReportPlots(cli, {
        base: revisions[0] ?? request.base,
        ...(request.target ? { target: asRevision(request.target) } : {}),
        folder: request.plots.folder,
        renderSvg: request.plots.renderSvg,
        ...(request.signal ? { signal: request.signal } : {}),
      })
    : undefined;
  const images = [...(request.images ?? []), ...(plots?.images ?? [])];
  return buildReportMarkdown({
    base: request.base,
    target: request.target ?? 'workspace',
    metrics,
    params,
    ...(request.directions ? { directions: request.directions } : {}),
    ...(images.length > 0 ? { images } : {}),
    ...(plots && plots.notes.length > 0 ? { notes: plots.notes } : {}),
  });
}

/** The images folder of a report file: `out/report.md` -> `out/report-plots` (never DVC's own `plots/`). */
export function plotsFolderFor(reportFile: string): string {
  return `${reportFile.replace(/\.md$/i, '')}-plots`;
}

/** A revision that starts with `-` would be read as a flag. */
function asRevision(value: string): string {
  const revision = value.trim();
  if (!revision || revision.startsWith('-')) throw new Error(`'${value}' is not a revision`);
  return revision;
}
