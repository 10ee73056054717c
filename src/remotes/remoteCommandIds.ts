/** The remote, transfer, garbage collection and import commands; package.json contributes them with these ids. */
export const remoteCommandIds = {
  addRemote: 'dvcLens.addRemote',
  modifyRemote: 'dvcLens.modifyRemote',
  renameRemote: 'dvcLens.renameRemote',
  removeRemote: 'dvcLens.removeRemote',
  setDefaultRemote: 'dvcLens.setDefaultRemote',
  push: 'dvcLens.push',
  pull: 'dvcLens.pull',
  fetch: 'dvcLens.fetch',
  gc: 'dvcLens.gc',
  importFromUrl: 'dvcLens.importFromUrl',
  importFromRepository: 'dvcLens.importFromRepository',
  updateImport: 'dvcLens.updateImport',
  refreshRemotes: 'dvcLens.refreshRemotes',
} as const;
