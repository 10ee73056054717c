/** The data commands; package.json contributes them with these ids. */
export const dataCommandIds = {
  refreshData: 'dvcLens.refreshData',
  checkDataRemote: 'dvcLens.checkDataRemote',
  trackData: 'dvcLens.trackData',
  untrackData: 'dvcLens.untrackData',
  checkoutData: 'dvcLens.checkoutData',
  commitData: 'dvcLens.commitData',
  commitDataChanges: 'dvcLens.commitDataChanges',
  // Source Control's rows and groups pass themselves: these turn them into the commands above.
  scmCommitToCache: 'dvcLens.scmCommitToCache',
  scmCheckout: 'dvcLens.scmCheckout',
  scmPush: 'dvcLens.scmPush',
  scmPull: 'dvcLens.scmPull',
  scmTrack: 'dvcLens.scmTrack',
  scmCommitDataChanges: 'dvcLens.scmCommitDataChanges',
  /** `uri`, a Data view node, or `{ root, path, a?, b? }` (revisions; `workspace` is the file on disk). */
  openDataDiff: 'dvcLens.openDataDiff',
} as const;
