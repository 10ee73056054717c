/** The public face of the data feature: what other folders of src/ may import from it. */
export { DataService, DataTransferError } from './dataService';
export { DataImportError, type ImportOptions, ImportService } from './importService';
export { type DataFeatureDependencies } from './registerDataFeatures';
export { RemotesService, isSecretOption } from './remotesService';
export { hostConfigPlace, machineConfigFilePaths } from './dvcConfigFiles';
export { DATA_STATE } from './dataTools';
export { registerDataScmCommands } from './scm/dataScmCommands';
export { MissingDataNotice } from './missingDataNotice';
export { notInCacheNow } from './notInCacheNow';
