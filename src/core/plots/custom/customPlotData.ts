/**
 * A custom plot's data from the experiments model, as the dashboard draws it: one entry per workspace, commit
 * or experiment that has every value the plot needs (a point of a scatter, a polyline of parallel
 * coordinates), coloured like the dashboard's legend where the revision is in it. Rows lacking a value are
 * left out and listed, so the card can say what is missing instead of silently drawing fewer points.
 */
import type { ExperimentsModel } from '../../experiments/experimentModel';
import { revisionOfRow } from '../plotRevisions';
import { definitionColumns, type CustomPlotDefinition, type CustomPlotKind } from './customPlotDefinition';
import { columnLabel, experimentColumns, numericValue, plottableRows } from './experimentColumns';

/** One axis: a column and the range of its drawn values. */
export interface CustomPlotAxis {
  readonly id: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
}

/** One drawn experiment (or commit, or the workspace). */
export interface CustomPlotEntry {
  /** The experiments model's row id (`workspace`, a sha). */
  readonly rowId: string;
  /** What a person reads: the experiment's name, the branch or short sha, `workspace`. */
  readonly label: string;
  /** The revision as the dashboard's legend names it. */
  readonly rev: string;
  /** The legend's colour of `rev`; undefined when the revision is not in the legend (drawn neutral). */
  readonly colour?: string;
  /** One value per axis, in axis order. */
  readonly values: readonly number[];
}

/** A row left out, and the columns it has no number for. */
export interface SkippedEntry {
  readonly label: string;
  readonly missing: readonly string[];
}

/** A custom plot as the page draws it. */
export interface CustomPlotCard {
  readonly id: string;
  readonly kind: CustomPlotKind;
  readonly title: string;
  readonly axes: readonly CustomPlotAxis[];
  readonly entries: readonly CustomPlotEntry[];
  readonly skipped: readonly SkippedEntry[];
  /** Why nothing can be drawn (no experiments yet, a column gone), shown instead of the chart. */
  readonly message?: string;
}

export function customPlotCard(
  definition: CustomPlotDefinition,
  model: ExperimentsModel | undefined,
  colours: ReadonlyMap<string, string>,
): CustomPlotCard {
  const ids = definitionColumns(definition);
  const columns = experimentColumns(model);
  const labels = ids.map((id) => columnLabel(columns, id));
  const base = { id: definition.id, kind: definition.kind, title: definition.title };
  const empty = (message: string): CustomPlotCard => ({
    ...base,
    axes: ids.map((id, index) => ({ id, label: labels[index] ?? id, min: 0, max: 1 })),
    entries: [],
    skipped: [],
    message,
  });
  if (!model) return empty('The experiments are not loaded yet (DVC Lens reads them with dvc exp show).');
  const gone = ids.filter((id) => !columns.some((column) => column.id === id));
  if (gone.length > 0)
    return empty(
      `No experiment has a number for ${gone.map((id) => columnLabel(columns, id)).join(', ')}: edit the plot to choose other columns.`,
    );
  const entries: CustomPlotEntry[] = [];
  const skipped: SkippedEntry[] = [];
  for (const row of plottableRows(model)) {
    const values = ids.map((id) => numericValue(row, id));
    const missing = labels.filter((_, index) => values[index] === undefined);
    if (missing.length > 0) {
      skipped.push({ label: row.label, missing });
      continue;
    }
    const rev = revisionOfRow(row);
    const colour = colours.get(rev);
    entries.push({
      rowId: row.id,
      label: row.label,
      rev,
      ...(colour ? { colour } : {}),
      values: values.filter((value): value is number => value !== undefined),
    });
  }
  const axes = ids.map((id, index) => {
    const drawn = entries.map((entry) => entry.values[index] ?? 0);
    return {
      id,
      label: labels[index] ?? id,
      min: drawn.length > 0 ? Math.min(...drawn) : 0,
      max: drawn.length > 0 ? Math.max(...drawn) : 1,
    };
  });
  return {
    ...base,
    axes,
    entries,
    skipped,
    ...(entries.length === 0 ? { message: 'No experiment has all of these values.' } : {}),
  };
}

/** One line under the chart naming what was left out (undefined when nothing was). */
export function skippedNote(skipped: readonly SkippedEntry[]): string | undefined {
  if (skipped.length === 0) return undefined;
  const shown = skipped.slice(0, 5).map((entry) => `${entry.label} (no ${entry.missing.join(', ')})`);
  const more = skipped.length > shown.length ? ` and ${skipped.length - shown.length} more` : '';
  return `Not drawn: ${shown.join('; ')}${more}.`;
}
