/** The compute-target and remote-run commands; package.json contributes them with these ids. */
export const remoteRunCommandIds = {
  addComputeTarget: 'dvcLens.addComputeTarget',
  testComputeTarget: 'dvcLens.testComputeTarget',
  cancelRemoteRun: 'dvcLens.cancelRemoteRun',
  showRemoteRunLog: 'dvcLens.showRemoteRunLog',
  removeRemoteRunRow: 'dvcLens.removeRemoteRunRow',
} as const;
