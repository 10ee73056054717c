/** The model registry's commands (Models view); package.json contributes them with these ids. */
export const registryCommandIds = {
  refreshModels: 'dvcLens.refreshModels',
  declareArtifact: 'dvcLens.declareArtifact',
  registerModelVersion: 'dvcLens.registerModelVersion',
  assignModelStage: 'dvcLens.assignModelStage',
  unassignModelStage: 'dvcLens.unassignModelStage',
  deprecateModel: 'dvcLens.deprecateModel',
  compareWithProd: 'dvcLens.compareModelVersionWithProd',
  createDeployWorkflow: 'dvcLens.createDeployWorkflow',
} as const;
