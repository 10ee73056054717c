/**
 * Which way is better for each metric, from a setting such as
 * `"dvcLens.experiments.metricDirections": { "loss": "lower", "eval/metrics.json:acc": "higher" }`.
 * A key names a metric by its path (`loss`), or by file and path (`metrics.json:loss`) when two files share
 * a name; the more specific key wins. Metrics the setting does not name guess from common names.
 */
import type { MetricDirection, TableColumn } from '../protocols/experimentsTableProtocol';

/** Names that are lower-is-better by convention; everything else is left without a direction. */
const lowerByName =
  /(^|[._/-])(loss|error|err|mae|mse|rmse|mape|perplexity|latency|time|duration)($|[._/-])/i;
const higherByName =
  /(^|[._/-])(acc|accuracy|auc|roc_auc|f1|precision|recall|score|r2|map|iou|bleu)($|[._/-])/i;

export function metricDirection(
  file: string,
  path: string,
  setting: Readonly<Record<string, unknown>>,
): MetricDirection | undefined {
  for (const key of [`${file}:${path}`, path]) {
    const value = setting[key];
    if (value === 'higher' || value === 'lower') return value;
  }
  if (lowerByName.test(path)) return 'lower';
  if (higherByName.test(path)) return 'higher';
  return undefined;
}

/** The columns with `direction` set on every metric the setting or its name decides. */
export function withMetricDirections(
  columns: readonly TableColumn[],
  setting: Readonly<Record<string, unknown>>,
): TableColumn[] {
  return columns.map((column) => {
    if (column.kind !== 'metrics') return column;
    const file = column.group.slice(column.group.indexOf(':') + 1);
    const direction = metricDirection(file, column.path, setting);
    const { direction: _previous, ...rest } = column;
    return direction ? { ...rest, direction } : rest;
  });
}
