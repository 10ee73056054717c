/** The data commands; package.json contributes them with these ids. */
export const dataCommandIds = {
  refreshData: 'dvcLens.refreshData',
  checkDataRemote: 'dvcLens.checkDataRemote',
  trackData: 'dvcLens.trackData',
  untrackData: 'dvcLens.untrackData',
  checkoutData: 'dvcLens.checkoutData',
  commitData: 'dvcLens.commitData',
  commitDataChanges: 'dvcLens.commitDataChanges',
} as const;
