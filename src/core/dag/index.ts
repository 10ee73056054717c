export type * from './graphModel';
export { buildPipelineGraph, type BuildGraphOptions } from './buildPipelineGraph';
export { graphProblems } from './graphProblems';
export { repositoryPath } from './repositoryPaths';
export { parseDataSource, type DataSource, type DataSourceKind } from './dataSources';
