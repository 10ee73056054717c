/**
 * The report's plots as image files: `dvc plots diff <base> [<target>] --json -o <temp>` (parsed by
 * src/core/plots), each template plot rendered to SVG by the caller's renderer (src/report/vegaSvg.ts: in a
 * worker thread from the extension host, so rendering never blocks it; in process for `npm run report`),
 * each image plot's files copied. Written into a folder next to the report and linked from it by relative paths, which is also
 * what `cml comment create` resolves and uploads. Best effort: a plot that fails becomes a note, never a
 * failed report. No vscode import (the CLI uses it).
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DvcCli } from '../repository/processes';
import { isCancellation } from '../repository/processes';
import { parsePlotsDiff } from '../core/plots/parsePlotsDiff';
import type { PlotsModel } from '../core/plots/plotModel';
import type { ReportImage } from '../core/report/reportMarkdown';
import { planReportPlots } from '../core/report/reportPlots';

export interface ReportPlotsRequest {
  readonly base: string;
  /** A second revision; the workspace when absent. */
  readonly target?: string;
  /** The folder, next to the report, that receives the images (its name is the links' first segment). */
  readonly folder: string;
  readonly renderSvg: SvgRenderer;
  readonly signal?: AbortSignal;
}

/** A Vega-Lite spec to SVG text. */
export type SvgRenderer = (spec: Readonly<Record<string, unknown>>) => Promise<string>;

export interface ReportPlots {
  /** Paths relative to the folder that holds `folder` (the report's folder). */
  readonly images: readonly ReportImage[];
  readonly notes: readonly string[];
}

export async function writeReportPlots(cli: DvcCli, request: ReportPlotsRequest): Promise<ReportPlots> {
  // DVC writes image plots into `-o`; a temporary folder keeps them out of the workspace until copied.
  const scratch = await mkdtemp(join(tmpdir(), 'dvc-lens-report-plots-'));
  try {
    let model: PlotsModel;
    try {
      model = await readPlotsDiff(cli, request, scratch);
    } catch (error) {
      if (isCancellation(error)) throw error;
      return { images: [], notes: [`Plots could not be read: ${messageOf(error)}`] };
    }
    return await writeFiles(model, request.folder, request.renderSvg);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function readPlotsDiff(cli: DvcCli, request: ReportPlotsRequest, scratch: string): Promise<PlotsModel> {
  const revisions = [request.base, ...(request.target ? [request.target] : [])];
  const json = await cli.readJson(['plots', 'diff', ...revisions, '--json', '-o', scratch], {
    signal: request.signal,
    slot: 'report-plots',
  });
  // A project without plots prints no `data` at all: an empty section, not an error.
  if (typeof json !== 'object' || json === null || !('data' in json)) return { revisions, plots: [] };
  return parsePlotsDiff(json, [request.base, request.target ?? 'workspace']);
}

async function writeFiles(model: PlotsModel, folder: string, renderSvg: SvgRenderer): Promise<ReportPlots> {
  const plan = planReportPlots(model);
  const images: ReportImage[] = [];
  const notes = [...plan.notes];
  const prefix = folder.slice(dirname(folder).length + 1);
  if (plan.files.length > 0) await mkdir(folder, { recursive: true });
  for (const file of plan.files) {
    const target = join(folder, file.name);
    try {
      if (file.kind === 'svg') await writeFile(target, await renderSvg(file.spec), 'utf8');
      else await copyFile(file.source, target);
      images.push({ title: file.title, path: `${prefix}/${file.name}` });
    } catch (error) {
      notes.push(`Plot ${file.title} could not be rendered: ${messageOf(error)}`);
    }
  }
  return { images, notes };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
