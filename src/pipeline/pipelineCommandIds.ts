/** The pipeline commands (view, DAG, runs, stage editing, Add Plot); package.json contributes them with these ids. */
export const pipelineCommandIds = {
  refreshPipelines: 'dvcLens.refreshPipelines',
  /** `(uri, range?)`: opens dvc.yaml at the stage. */
  openStage: 'dvcLens.openStage',
  openPipelineItem: 'dvcLens.openPipelineItem',
  showDag: 'dvcLens.showDag',
  reproAll: 'dvcLens.reproAll',
  /** `{ root: Uri, stage }` (CodeLens, the DAG) or a Pipeline view stage node. */
  reproStage: 'dvcLens.reproStage',
  reproStageSingle: 'dvcLens.reproStageSingle',
  reproDownstream: 'dvcLens.reproDownstream',
  reproForce: 'dvcLens.reproForce',
  reproPull: 'dvcLens.reproPull',
  reproDryRun: 'dvcLens.reproDryRun',
  showLastStageLog: 'dvcLens.showLastStageLog',
  /** A Run History row (`{ logFile }`): opens that run's log. */
  openRunLog: 'dvcLens.openRunLog',
  refreshRunHistory: 'dvcLens.refreshRunHistory',
  rerunFromHere: 'dvcLens.rerunFromHere',
  addStage: 'dvcLens.addStage',
  removeStage: 'dvcLens.removeStage',
  openStageScript: 'dvcLens.openStageScript',
  addPlot: 'dvcLens.addPlot',
} as const;
