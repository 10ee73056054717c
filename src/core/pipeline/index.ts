/** The pipeline model's public surface: two-phase parsing of dvc.yaml and the Pipeline view's tree model. */
export type * from './model';
export { pipelineParamsFiles } from './pipelineParamsFiles';
export { parsePipeline, type ParsePipelineInput } from './parseDvcYaml';
export { buildPipelineTree } from './treeModel';
export type * from './treeNodes';
