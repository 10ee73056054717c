/**
 * Which image files a report's plots become, in a folder next to the report (`<name>.svg`, `<name>-<rev>.png`):
 * one SVG per template plot (its Vega-Lite spec holds every revision's data, coloured by `rev`), one copy per
 * revision of an image plot, and a note for a plot DVC could not render. Names come from DVC's plot ids made
 * safe for a file system and a markdown link, and never collide. Pure: the caller renders and copies.
 */
import type { Plot, PlotsModel } from '../plots/plotModel';

export type ReportPlotFile =
  /** Render `spec` (Vega-Lite) to SVG as `name` (a file name, no folder). */
  | {
      readonly kind: 'svg';
      readonly title: string;
      readonly name: string;
      readonly spec: Readonly<Record<string, unknown>>;
    }
  /** Copy the image DVC wrote (`source`, absolute) as `name`. */
  | { readonly kind: 'copy'; readonly title: string; readonly name: string; readonly source: string };

export interface ReportPlotPlan {
  readonly files: readonly ReportPlotFile[];
  /** Plots that could not become an image, in a sentence each (shown under the report's title). */
  readonly notes: readonly string[];
}

/** Default size for a spec that sizes itself to a container (a headless renderer has none). */
const HEADLESS_WIDTH = 480;
const HEADLESS_HEIGHT = 320;

export function planReportPlots(model: PlotsModel): ReportPlotPlan {
  const used = new Set<string>();
  const files: ReportPlotFile[] = [];
  const notes: string[] = [];
  for (const plot of model.plots) {
    if (plot.kind === 'failed') {
      notes.push(`Plot ${plot.title} could not be rendered: ${plot.message}`);
      continue;
    }
    if (plot.kind === 'template') {
      const name = `${uniqueName(plot.id, used)}.svg`;
      files.push({ kind: 'svg', title: plot.title, name, spec: headlessSpec(plot.spec) });
      continue;
    }
    files.push(...imageCopies(plot, used));
  }
  return { files, notes };
}

function imageCopies(plot: Extract<Plot, { kind: 'image' }>, used: Set<string>): ReportPlotFile[] {
  return plot.revisions.flatMap((revision) => {
    if (revision.state !== 'ok' || !revision.imagePath) return [];
    const extension = /\.(png|jpe?g|gif|svg)$/i.exec(revision.imagePath)?.[1]?.toLowerCase() ?? 'png';
    const name = `${uniqueName(`${plot.id}-${revision.rev}`, used)}.${extension}`;
    return [
      {
        kind: 'copy' as const,
        title: `${plot.title} (${revision.rev})`,
        name,
        source: revision.imagePath,
      },
    ];
  });
}

/** `plots/training_loss.csv` -> `plots-training_loss.csv`; `ROC curve` -> `ROC-curve`; unique in `used`. */
export function uniqueName(id: string, used: Set<string>): string {
  const base =
    id
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[-.]+|-+$/g, '')
      .slice(0, 80) || 'plot';
  let name = base;
  for (let index = 2; used.has(name.toLowerCase()); index++) name = `${base}-${index}`;
  used.add(name.toLowerCase());
  return name;
}

/** The spec with a fixed size where it asked for its container's, which no headless renderer has. */
export function headlessSpec(spec: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...spec };
  if (copy.width === 'container') copy.width = HEADLESS_WIDTH;
  if (copy.height === 'container') copy.height = HEADLESS_HEIGHT;
  return copy;
}
