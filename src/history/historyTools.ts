/**
 * The per-repository tools the history, report and CI commands share: git always, DVC when it was found.
 * Built per call (cheap objects); the scheduler behind them is the repository's one, shared with every view.
 */
import * as vscode from 'vscode';
import { DvcCli } from '../cli/dvcCli';
import { GitCli } from '../cli/gitCli';
import { ExperimentsService } from '../experiments/experimentsService';
import type { OutputLog } from '../log/outputLog';
import type { Repository } from '../repository/repository';
import type { RepositorySchedulers } from '../repository/repositorySchedulers';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';
import type { DvcLocator } from '../setup/dvcLocator';
import { rootField } from '../remotes/commandArguments';
import { HistoryService } from './historyService';

export interface HistoryToolDependencies {
  readonly repositories: WorkspaceRepositories;
  readonly schedulers: RepositorySchedulers;
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

export async function repositoryTools(
  deps: HistoryToolDependencies,
  root: vscode.Uri,
): Promise<RepositoryTools> {
  const executable = await deps.locator.ready();
  const scheduler = deps.schedulers.for(root.fsPath);
  const git = new GitCli(root.fsPath, { log: deps.log });
  const cli = executable ? new DvcCli(executable, scheduler) : undefined;
  const experiments = cli ? new ExperimentsService(cli, scheduler, git) : undefined;
  const unavailable = {
    show: (): Promise<never> => Promise.reject(new Error('DVC was not found: metrics need DVC.')),
  };
  return { git, cli, experiments, history: new HistoryService(git, experiments ?? unavailable) };
}

/** The argument's repository (`{ root }` or a tree node with `root`), else the only one, else a pick. */
export async function pickRepository(
  argument: unknown,
  repositories: WorkspaceRepositories,
  title: string,
): Promise<Repository | undefined> {
  await repositories.whenLoaded();
  const all = repositories.repositories;
  const root = rootField(argument)?.toString();
  if (root) return all.find((repository) => repository.root.toString() === root);
  if (all.length <= 1) return all[0];
  const picked = await vscode.window.showQuickPick(
    all.map((repository) => ({
      label: repository.workspaceFolder.name,
      description: vscode.workspace.asRelativePath(repository.root, true),
      repository,
    })),
    { title },
  );
  return picked?.repository;
}
