/** Where experiments run: the compute-target seam, its registry and this machine. */
export type {
  ComputeTarget,
  ComputeTargetKind,
  ExperimentRunRequest,
  RemoteComputeTarget,
  RemoteJobStep,
  RemoteRunHandle,
  RemoteRunSource,
  RemoteSubmission,
  RepositoryExperimentsAccess,
  RunHandle,
  RunLog,
  RunMode,
  RunState,
  Submission,
  SubmitContext,
  TargetCheck,
} from './computeTarget';
export { ComputeTargets } from './computeTargets';
export { createRemoteTarget, type RemoteTargetOptions } from './remoteTargets';
export { LOCAL_MACHINE_TARGET_ID, LocalMachineTarget } from './localMachineTarget';
export { experimentRunRequest } from '../core/execution/runRequest';
export { isFinishedRunState } from '../core/execution/runState';
