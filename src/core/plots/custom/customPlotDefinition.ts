/**
 * Custom plots: plots a person defines in the dashboard (not in dvc.yaml) over the experiments model's params
 * and metrics, persisted per workspace and repository. Plain data: stored in the workspace's memento as it is.
 */

/** `scatter`: one column against another (metric vs param, metric vs metric); `parallel`: parallel coordinates. */
export type CustomPlotKind = 'scatter' | 'parallel';

/** A scatter plot: one point per experiment or commit with both values. */
export interface ScatterPlotDefinition {
  readonly kind: 'scatter';
  /** Unique within the repository's custom plots (`custom-1`, `custom-2`…), stable across edits. */
  readonly id: string;
  readonly title: string;
  /** Column ids as the experiments table names them: `params:params.yaml:train.learning_rate`. */
  readonly x: string;
  readonly y: string;
}

/** Parallel coordinates: one axis per column, one polyline per experiment or commit with every value. */
export interface ParallelPlotDefinition {
  readonly kind: 'parallel';
  readonly id: string;
  readonly title: string;
  /** At least two column ids, in axis order. */
  readonly columns: readonly string[];
}

export type CustomPlotDefinition = ScatterPlotDefinition | ParallelPlotDefinition;

/** The column ids a definition reads, in axis order. */
export function definitionColumns(definition: CustomPlotDefinition): readonly string[] {
  return definition.kind === 'scatter' ? [definition.x, definition.y] : definition.columns;
}
