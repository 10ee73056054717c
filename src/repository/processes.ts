/**
 * What the features use of the process layer (src/cli), reached through the hub: the lint fence lets a feature
 * import src/cli only through src/repository, so DVC and git are always the repository's.
 */
export { type DvcCli, type OutputListener, type ReproOptions, type StageDefinition } from '../cli/dvcCli';
export { type DvcCandidateReport, type DvcDiscoveryResult, discoverDvc } from '../cli/dvcDiscovery';
export { type DvcExecutable } from '../cli/dvcExecutable';
export { MINIMUM_DVC_VERSION } from '../cli/dvcVersion';
export { type GitCli } from '../cli/gitCli';
export { pathExists } from '../cli/pathChecks';
export { type ProcessError, isCancellation, isProcessError } from '../cli/processError';
export { type LaneState, RepositoryScheduler } from '../cli/repositoryScheduler';
export {
  type CommandRunner,
  type OutputStream,
  type ProcessRequest,
  type ProcessResult,
  ProcessRunner,
} from '../cli/runner';
export { optionValue, optionalValue, positionals, refuseOptionLike } from '../cli/safeArguments';
export { type TagRecord } from '../cli/gitCli';
export { GtoCli, gtoRefusalReason } from '../cli/gtoCli';
export { readCancelledError } from '../cli/processError';
