/**
 * Which way is better for each metric, from a setting such as
 * `"dvcLens.experiments.metricDirections": { "loss": "lower", "eval/metrics.json:acc": "higher" }`.
 * A key names a metric by its path (`loss`), or by file and path (`metrics.json:loss`) when two files share
 * a name; the more specific key wins. Metrics the setting does not name guess from common names.
 */

/** Per metric, which way is better (from the setting, else guessed from the metric's name). */
export type MetricDirection = 'higher' | 'lower';

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
