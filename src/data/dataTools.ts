/**
 * The data commands' side of the one command runtime: a write runs in the target's repository (DVC must be
 * there, Cancel works, a failure says what was not done in DVC's words with "Show Log", the Data view re-reads
 * afterwards) with the repository's DVC and git tools, all going through its one write lane.
 */
import { dataSliceName } from './dataSlice';
import type { OutputLog } from '../log/outputLog';
import type { DvcCommandContext, RepositoryCommands } from '../repository/command';
import type { CommandProgress } from '../repository/commandRuntime';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';
import { DataActions } from './dataActions';
import type { DataModel, DataRepository } from './dataModel';
import { DataService } from './dataService';
import { dvcErrorText } from './dvcErrorText';

/** The name the data commands refresh (the Data view's state of the repository). */
export const DATA_STATE = dataSliceName;

export interface DataCommandContext {
  readonly model: DataModel;
  readonly repositories: WorkspaceRepositories;
  readonly commands: RepositoryCommands;
  readonly log: OutputLog;
}

/** The repository's DVC and git tools, and the progress its writes run behind. */
export interface DataTools {
  readonly service: DataService;
  readonly actions: DataActions;
  readonly progress: CommandProgress;
}

export const DATA_DVC_MISSING =
  'DVC Lens: DVC was not found, so nothing was changed. Choose a DVC executable or install DVC, then try again.';

/** The runtime's options of a data write; `failure` says what was not done ("data/a.csv was not tracked"). */
export function dataWriteOptions(failure: string) {
  return {
    needsDvc: true,
    dvcMissing: DATA_DVC_MISSING,
    failure: (error: unknown) => `DVC Lens: ${failure}: ${ensureSentence(dvcErrorText(error))}`,
    refreshes: [DATA_STATE],
  } as const;
}

export function dataTools(context: DvcCommandContext): DataTools {
  const { dvc, git, repository, progress } = context;
  return {
    service: new DataService(dvc, repository.scheduler, git),
    actions: new DataActions(dvc, repository.scheduler, git),
    progress,
  };
}

/**
 * Runs `work` in the data repository's hub repository through the command runtime. Resolves to its result,
 * or `undefined` when DVC is missing, the work was cancelled or failed (already said).
 */
export async function inDataRepository<T>(
  context: DataCommandContext,
  repository: DataRepository,
  failure: string,
  work: (tools: DataTools) => Promise<T>,
): Promise<T | undefined> {
  const hub = context.repositories.repositoryOf(repository.root);
  if (!hub) return undefined;
  return context.commands.runIn(hub, dataWriteOptions(failure), [], (runtime) => work(dataTools(runtime)));
}

function ensureSentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
