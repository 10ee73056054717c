/**
 * The plots model as the page shows it: our colour per revision in every spec, huge series thinned with a
 * note, image paths turned into webview URIs. Pure: the webview URI maker is passed in.
 */
import { downsampleNote, downsampleRows } from '../../core/plots/downsample';
import { groupImageSteps, type GroupedImagePlot } from '../../core/plots/imageSteps';
import { plotRows } from '../../core/plots/plotData';
import type { Plot, PlotRevision, PlotsModel } from '../../core/plots/plotModel';
import { recolourSpec, revisionColours } from '../../core/plots/revisionColours';
import type { ImageCard, ImageRevision, PlotCard, PlotsSnapshot } from '../../core/protocols/plotsProtocol';

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
    plots: groupImageSteps(input.model?.plots ?? []).map((entry) =>
      entry.kind === 'single' ? cardOf(entry.plot, colours, input) : stepsCardOf(entry, input),
    ),
    loading: input.loading,
    ...(input.error ? { error: input.error } : {}),
    ...(input.model?.problems?.length ? { problems: input.model.problems } : {}),
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
      return { ...plot, revisions: imageRevisions(plot.revisions, input) };
    case 'failed':
      return plot;
  }
}

/** An image logged per step: one card, titled by its folder, every step's images ready for the slider. */
function stepsCardOf(
  group: Extract<GroupedImagePlot<Plot>, { kind: 'steps' }>,
  input: SnapshotInput,
): ImageCard {
  const steps = group.steps.map((entry) => ({
    step: entry.step,
    id: entry.plot.id,
    revisions: imageRevisions(entry.plot.revisions, input),
  }));
  return {
    kind: 'image',
    id: group.id,
    title: group.id,
    revisions: steps[steps.length - 1]?.revisions ?? [],
    steps,
  };
}

function imageRevisions(revisions: readonly PlotRevision[], input: SnapshotInput): ImageRevision[] {
  return revisions.map((revision) =>
    revision.imagePath ? { ...revision, imageUri: input.imageUri(revision.imagePath) } : revision,
  );
}
