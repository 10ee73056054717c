/** The plots commands; package.json contributes them with these ids. */
export const plotsCommandIds = {
  /** `{ root?, revisions?, rowIds? }`: opens (or reveals) the dashboard of a repository. */
  showPlots: 'dvcLens.showPlots',
  /** `{ root?, id, format: 'svg' | 'png' | 'csv' | 'json', path? }`: exports one plot of an open dashboard. */
  exportPlot: 'dvcLens.exportPlot',
} as const;
