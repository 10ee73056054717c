/**
 * The Pipeline view's own commands, here rather than in src/commandIds.ts so that the pipeline folder does
 * not import the list that imports it (src/commandIds.ts spreads this object).
 */
export const pipelineCommandIds = {
  refreshPipelines: 'dvcLens.refreshPipelines',
  openStage: 'dvcLens.openStage',
  openPipelineItem: 'dvcLens.openPipelineItem',
} as const;
