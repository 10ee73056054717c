/**
 * The plots model as the page shows it: our colour per revision in every spec, huge series thinned with a
 * note, image paths turned into webview URIs. Pure: the webview URI maker is passed in.
 */
import { downsampleNote, downsampleRows } from '../../core/plots/downsample';
import { plotRows } from '../../core/plots/plotData';
import type { Plot, PlotsModel } from '../../core/plots/plotModel';
import { recolourSpec, revisionColours } from '../../core/plots/revisionColours';
import type { PlotCard, PlotsSnapshot } from './protocol';

export interface SnapshotInput {
  readonly model: PlotsModel | undefined;
  /** The revisions asked for, shown in the legend even before the first answer. */
  readonly revisions: readonly string[];
  readonly loading: boolean;
  readonly error?: string;
  readonly maxRevisions: number;
  /** An absolute image path as the webview may load it. */
  readonly imageUri: (path: string) => string;
  /** Rows per revision above which a series is thinned for display. */
  readonly pointLimit?: number;
}

export function plotsSnapshot(input: SnapshotInput): PlotsSnapshot {
  const revisions = input.model?.revisions ?? input.revisions;
  const colours = revisionColours(revisions);
  return {
    revisions: revisions.map((rev) => ({ rev, colour: colours.get(rev) ?? '#888888' })),
    plots: (input.model?.plots ?? []).map((plot) => cardOf(plot, colours, input)),
    loading: input.loading,
    ...(input.error ? { error: input.error } : {}),
    maxRevisions: input.maxRevisions,
  };
}

function cardOf(plot: Plot, colours: ReadonlyMap<string, string>, input: SnapshotInput): PlotCard {
  switch (plot.kind) {
    case 'template': {
      const { rows, thinned } = downsampleRows(plotRows(plot.spec), input.pointLimit);
      const note = downsampleNote(thinned);
      const data = typeof plot.spec.data === 'object' && plot.spec.data !== null ? plot.spec.data : {};
      const spec = recolourSpec(
        thinned.length > 0 ? { ...plot.spec, data: { ...data, values: rows } } : plot.spec,
        colours,
      );
      return { ...plot, spec, ...(note ? { note } : {}) };
    }
    case 'image':
      return {
        ...plot,
        revisions: plot.revisions.map((revision) =>
          revision.imagePath ? { ...revision, imageUri: input.imageUri(revision.imagePath) } : revision,
        ),
      };
    case 'failed':
      return plot;
  }
}
