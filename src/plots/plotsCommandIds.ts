/** The plots and custom plots commands; package.json contributes them with these ids. */
export const plotsCommandIds = {
  /** `{ root?, revisions?, rowIds? }`: opens (or reveals) the dashboard of a repository. */
  showPlots: 'dvcLens.showPlots',
  /** `{ root?, id, format: 'svg' | 'png' | 'csv' | 'json', path? }`: exports one plot of an open dashboard. */
  exportPlot: 'dvcLens.exportPlot',
  /**
   * `{ root?, kind?: 'scatter' | 'parallel', x?, y?, columns?, title? }`: adds a custom plot (quick picks for
   * what is not given; columns by id `params:params.yaml:train.epochs`, `file:key` or key). Returns its id.
   */
  addCustomPlot: 'dvcLens.addCustomPlot',
  /** `{ root?, id?, x?, y?, columns?, title? }`: edits one (quick picks when only the plot is given). */
  editCustomPlot: 'dvcLens.editCustomPlot',
  /** `{ root?, id?, confirmed? }`: removes one after a modal naming it (none with `confirmed: true`). */
  removeCustomPlot: 'dvcLens.removeCustomPlot',
} as const;
