/**
 * The plots of a repository for a set of revisions, as the dashboard shows them: plain data built from
 * `dvc plots diff <revs> --json` (DVC 3.67.1, recorded in test/fixtures/dvc-plots).
 */

/** How one revision of one plot came out. */
export type PlotRevisionState =
  /** DVC read the plot's source in this revision. */
  | 'ok'
  /** DVC returned nothing for this revision and named no error (e.g. the image is absent there). */
  | 'missing'
  /** DVC named an error for this revision: the file is missing, is not valid JSON/CSV, ... */
  | 'error';

/** One revision of one plot. */
export interface PlotRevision {
  /** The revision as it was asked for (`workspace`, an experiment name, a commit). */
  readonly rev: string;
  readonly state: PlotRevisionState;
  /** Data rows of this revision in the spec (template plots); 0 for images and failures. */
  readonly points: number;
  /** The image DVC wrote for this revision (image plots), an absolute path. */
  readonly imagePath?: string;
  /** DVC's own message when `state` is `error`. */
  readonly error?: string;
}

/** A plot DVC renders from a Vega-Lite template with the data inline. */
export interface TemplatePlot {
  readonly kind: 'template';
  /** DVC's plot id: a file path, or the name of a top-level plot definition. */
  readonly id: string;
  readonly title: string;
  /** The Vega-Lite spec DVC filled in (data in `data.values`, each row tagged with its `rev`). */
  readonly spec: Readonly<Record<string, unknown>>;
  /** One entry per requested revision, in the requested order. */
  readonly revisions: readonly PlotRevision[];
}

/** A plot whose source is an image file: one image per revision. */
export interface ImagePlot {
  readonly kind: 'image';
  readonly id: string;
  readonly title: string;
  readonly revisions: readonly PlotRevision[];
}

/** A plot DVC could not render in any revision (the revisions say why). */
export interface FailedPlot {
  readonly kind: 'failed';
  readonly id: string;
  readonly title: string;
  /** Why, in one line, for the card (e.g. the unknown template's name). */
  readonly message: string;
  readonly revisions: readonly PlotRevision[];
  /** Its data is an output not in the local cache: the card offers Pull. */
  readonly dataNotInCache?: boolean;
}

export type Plot = TemplatePlot | ImagePlot | FailedPlot;

/** Everything the dashboard shows for one `dvc plots diff`. */
export interface PlotsModel {
  /** The requested revisions, in order (workspace first when asked for). */
  readonly revisions: readonly string[];
  /** In DVC's order (top-level plots first, then stage plots, as dvc.yaml lists them). */
  readonly plots: readonly Plot[];
  /** DVC's reasons that name no plot (e.g. every plot failed: "failed to load directory ('results', 'train')"). */
  readonly problems?: readonly string[];
}
