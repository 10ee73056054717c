/** The public face of the experiments feature: what other folders of src/ may import from it. */
export { revisionUri } from './compare/revisionContent';
export { experimentCommandIds } from './experimentCommandIds';
export { headlineMetricSetting, metricDirectionsSetting } from './experimentSettings';
export { ExperimentsService } from './experimentsService';
export { experimentsServiceOf } from './experimentsSlice';
export { expShowReadsKey } from './expShowReads';
export { type ExperimentsStore, type RepositoryExperiments } from './experimentsStore';
