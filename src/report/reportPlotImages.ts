/**
 * The report's plots as image files: `dvc plots diff <base> [<target>] --json -o <temp>` (parsed by
 * src/core/plots), each template plot rendered to SVG with vega-lite and vega in Node (`View#toSVG()` needs
 * no canvas, so this runs headless in the extension host and in `npm run report` alike), each image plot's
 * files copied. Written into a folder next to the report and linked from it by relative paths, which is also
 * what `cml comment create` resolves and uploads. Best effort: a plot that fails becomes a note, never a
 * failed report. No vscode import (the CLI uses it).
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { DvcCli } from '../cli/dvcCli';
import { isCancellation } from '../cli/processError';
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
  readonly signal?: AbortSignal;
}

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
    return await writeFiles(model, request.folder);
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

async function writeFiles(model: PlotsModel, folder: string): Promise<ReportPlots> {
  const plan = planReportPlots(model);
  const images: ReportImage[] = [];
  const notes = [...plan.notes];
  const prefix = folder.slice(dirname(folder).length + 1);
  if (plan.files.length > 0) await mkdir(folder, { recursive: true });
  for (const file of plan.files) {
    const target = join(folder, file.name);
    try {
      if (file.kind === 'svg') await writeFile(target, await renderVegaLiteSvg(file.spec), 'utf8');
      else await copyFile(file.source, target);
      images.push({ title: file.title, path: `${prefix}/${file.name}` });
    } catch (error) {
      notes.push(`Plot ${file.title} could not be rendered: ${messageOf(error)}`);
    }
  }
  return { images, notes };
}

/** A Vega-Lite spec as SVG text, rendered without a browser or a canvas. */
export async function renderVegaLiteSvg(spec: Readonly<Record<string, unknown>>): Promise<string> {
  // Loaded on first use: the renderers are large and most sessions never write a report.
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const quiet = vega.logger(vega.None);
  const compiled = vegaLite.compile(spec as unknown as Parameters<typeof vegaLite.compile>[0], {
    logger: quiet,
  }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.None });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
