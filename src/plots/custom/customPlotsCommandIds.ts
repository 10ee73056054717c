/** The custom plots commands; package.json contributes them with these ids. */
export const customPlotsCommandIds = {
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
