/**
 * DVCLive logs an image per step as `dvclive/plots/images/<name>/<step>.png`, and DVC makes each file a plot
 * of its own. The dashboard shows them as one card with a step slider: image plots whose ids are
 * `<folder>/<integer>.<image extension>` are grouped by folder when the folder has at least two of them.
 */

const STEP_IMAGE = /^(.+)\/(\d+)\.(png|jpe?g|gif|svg|webp)$/i;

/** One step of a group, with the plot DVC made of its file. */
export interface ImageStepEntry<T> {
  readonly step: number;
  readonly plot: T;
}

export type GroupedImagePlot<T> =
  | { readonly kind: 'single'; readonly plot: T }
  /** `id` is the folder; steps ascend. */
  | { readonly kind: 'steps'; readonly id: string; readonly steps: readonly ImageStepEntry<T>[] };

/** The step of an image plot id, and its folder, if the id names a step file. */
export function imageStepOf(id: string): { readonly folder: string; readonly step: number } | undefined {
  const match = STEP_IMAGE.exec(id);
  const folder = match?.[1];
  const step = Number(match?.[2]);
  return folder !== undefined && Number.isSafeInteger(step) ? { folder, step } : undefined;
}

/**
 * The plots in order, step images of one folder merged into one entry where the first of them was. Plots of
 * another kind than `image` are never grouped.
 */
export function groupImageSteps<T extends { readonly kind: string; readonly id: string }>(
  plots: readonly T[],
): GroupedImagePlot<T>[] {
  const byFolder = new Map<string, ImageStepEntry<T>[]>();
  for (const plot of plots) {
    const step = plot.kind === 'image' ? imageStepOf(plot.id) : undefined;
    if (!step) continue;
    const entries = byFolder.get(step.folder) ?? [];
    entries.push({ step: step.step, plot });
    byFolder.set(step.folder, entries);
  }
  const grouped: GroupedImagePlot<T>[] = [];
  const placed = new Set<string>();
  for (const plot of plots) {
    const step = plot.kind === 'image' ? imageStepOf(plot.id) : undefined;
    const entries = step ? byFolder.get(step.folder) : undefined;
    if (!step || !entries || entries.length < 2) {
      grouped.push({ kind: 'single', plot });
      continue;
    }
    if (placed.has(step.folder)) continue;
    placed.add(step.folder);
    grouped.push({
      kind: 'steps',
      id: step.folder,
      steps: [...entries].sort((left, right) => left.step - right.step),
    });
  }
  return grouped;
}
