/** Cross-file analysis of pipelines and the pure helpers behind the dvc.yaml editor features. */
export {
  analyzePipeline,
  dependencyPaths,
  isProduced,
  producedPaths,
  repositoryPath,
  stageParamsFiles,
  type PipelineAnalysisInput,
} from './analyzePipeline';
export { cursorContextAt, type CursorContext } from './cursorContext';
export { findParamKeyRange } from './paramKeyRange';
export { hasParamKey, paramKeysOf, paramValuesOf } from './paramKeys';
export { paramsFormatOf, type ParamsFormat } from './paramsFormat';
export { pathRelativeTo } from './relativePath';
