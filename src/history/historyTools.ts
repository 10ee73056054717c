/**
 * The per-repository tools the history views read with: the hub's git always, DVC when it was found (and the
 * workspace is trusted). Cheap objects built per call around the hub's CLIs, which share its one scheduler.
 */
import type * as vscode from 'vscode';
import type { DvcCli } from '../repository/processes';
import type { GitCli } from '../repository/processes';
import { gitForFolder } from '../repository/folderClis';
import { experimentsServiceOf, type ExperimentsService } from '../experiments';
import type { OutputLog } from '../log/outputLog';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';
import type { DvcLocator } from '../setup';
import { HistoryService } from './historyService';

export interface HistoryToolDependencies {
  readonly repositories: WorkspaceRepositories;
  readonly locator: DvcLocator;
  readonly log: OutputLog;
}

export interface RepositoryTools {
  readonly git: GitCli;
  /** Undefined when DVC was not found. */
  readonly cli: DvcCli | undefined;
  readonly experiments: ExperimentsService | undefined;
  readonly history: HistoryService;
}

/** The tools of the repository at `root` (git alone when it closed meanwhile: its reads are dropped anyway). */
export async function repositoryTools(
  deps: HistoryToolDependencies,
  root: vscode.Uri,
): Promise<RepositoryTools> {
  const repository = deps.repositories.repositoryOf(root);
  const git = repository?.git ?? gitForFolder({ log: deps.log }, root.fsPath);
  const cli = await repository?.dvc();
  // The hub's service: its `exp show` reads are shared with the Experiments view and kept per commit.
  const experiments = repository && cli ? experimentsServiceOf(repository) : undefined;
  const unavailable = {
    show: (): Promise<never> => Promise.reject(new Error('DVC was not found: metrics need DVC.')),
  };
  return { git, cli, experiments, history: new HistoryService(git, experiments ?? unavailable) };
}
