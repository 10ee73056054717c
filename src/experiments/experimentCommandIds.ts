/** The experiment, experiments table and compare commands; package.json contributes them with these ids. */
export const experimentCommandIds = {
  /** An Experiments view row (or `{ root, id }`): stars it, or unstars a starred one. */
  toggleExperimentStar: 'dvcLens.toggleExperimentStar',
  runExperiment: 'dvcLens.runExperiment',
  queueExperiment: 'dvcLens.queueExperiment',
  /** `{ root, name: experiment or commit, params?, newName?, confirmed? }`: a run starting from its params. */
  modifyAndRunExperiment: 'dvcLens.modifyAndRunExperiment',
  modifyAndQueueExperiment: 'dvcLens.modifyAndQueueExperiment',
  startExperimentWorkers: 'dvcLens.startExperimentWorkers',
  stopExperimentWorkers: 'dvcLens.stopExperimentWorkers',
  killExperiment: 'dvcLens.killExperiment',
  showExperimentLogs: 'dvcLens.showExperimentLogs',
  applyExperiment: 'dvcLens.applyExperiment',
  branchExperiment: 'dvcLens.branchExperiment',
  renameExperiment: 'dvcLens.renameExperiment',
  removeExperiment: 'dvcLens.removeExperiment',
  saveExperiment: 'dvcLens.saveExperiment',
  pushExperiment: 'dvcLens.pushExperiment',
  pullExperiment: 'dvcLens.pullExperiment',
  copyExperimentName: 'dvcLens.copyExperimentName',
  copyExperimentSha: 'dvcLens.copyExperimentSha',
  refreshExperiments: 'dvcLens.refreshExperiments',
  showMoreCommits: 'dvcLens.showMoreExperimentCommits',
  showOtherBranches: 'dvcLens.showOtherExperimentBranches',
  hideOtherBranch: 'dvcLens.hideOtherExperimentBranch',
  createFirstCommit: 'dvcLens.createFirstCommitForExperiments',
  showExperimentsTable: 'dvcLens.showExperimentsTable',
  /** `{ root, a?, b? }`: compares two refs (asks for those not given). */
  compareRevisions: 'dvcLens.compareRevisions',
  compareWithWorkspace: 'dvcLens.compareWithWorkspace',
  compareWith: 'dvcLens.compareWith',
} as const;
