/** The metrics commands; package.json contributes them with these ids. */
export const metricsCommandIds = {
  openMetricKey: 'dvcLens.openMetricKey',
  showChangedMetricsOnly: 'dvcLens.showChangedMetricsOnly',
  showAllMetrics: 'dvcLens.showAllMetrics',
  refreshMetrics: 'dvcLens.refreshMetrics',
  insertMetricsSummary: 'dvcLens.insertMetricsSummary',
} as const;
