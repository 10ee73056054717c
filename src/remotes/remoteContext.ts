/**
 * What every remote command needs: the repository it acts on, the services of that repository (only once DVC
 * is located), the log, and a way to tell the Remotes view that the configuration changed.
 */
import * as vscode from 'vscode';
import { pickRepository } from '../ui/pickRepository';
import { DvcCli } from '../cli/dvcCli';
import { GitCli } from '../cli/gitCli';
import { DataService } from '../data/dataService';
import type { DataFeatureDependencies } from '../data/registerDataFeatures';
import { ImportService } from '../data/importService';
import { RemotesService } from '../data/remotesService';
import type { Repository } from '../repository/repository';
import { isTrusted, restrictedModeMessage } from '../trust/workspaceTrust';
import { showErrorWithLog } from '../ui/messages';
import { rootField } from './commandArguments';

export type RemoteFeatureDependencies = DataFeatureDependencies;

/** The DVC services of one repository. */
export interface RepositoryServices {
  readonly repository: Repository;
  readonly remotes: RemotesService;
  readonly data: DataService;
  readonly imports: ImportService;
}

export class RemoteContext {
  constructor(
    readonly deps: RemoteFeatureDependencies,
    /** Called after a command changed remotes or data, so views reload. */
    readonly changed: () => void,
  ) {}

  get log(): RemoteFeatureDependencies['log'] {
    return this.deps.log;
  }

  /** Repositories with a `.dvc` folder: the only ones remotes make sense for. */
  dvcRepositories(): Repository[] {
    return this.deps.repositories.repositories.filter((repository) => repository.isDvcRepository);
  }

  repositoryAt(root: vscode.Uri): Repository | undefined {
    const key = root.toString();
    return this.dvcRepositories().find((repository) => repository.root.toString() === key);
  }

  /** The repository holding `uri` (the innermost when repositories nest). */
  repositoryContaining(uri: vscode.Uri): Repository | undefined {
    const key = uri.toString();
    return this.dvcRepositories()
      .filter(
        (repository) =>
          key === repository.root.toString() || key.startsWith(`${repository.root.toString()}/`),
      )
      .sort((a, b) => b.root.toString().length - a.root.toString().length)[0];
  }

  /** The argument's repository, else the only one, else one the person picks. */
  /** Resolves once the workspace scan is in (commands run right after start-up wait for it). */
  whenLoaded(): Promise<void> {
    return this.deps.repositories.whenLoaded();
  }

  async pickRepository(argument: unknown, title: string): Promise<Repository | undefined> {
    await this.whenLoaded();
    const root = rootField(argument);
    if (root) {
      const found = this.repositoryAt(root);
      if (found) return found;
    }
    const all = this.dvcRepositories();
    if (all.length === 0) {
      void vscode.window.showInformationMessage(
        'DVC Lens: there is no DVC repository in this workspace. Initialize one first.',
      );
      return undefined;
    }
    return pickRepository(all, title);
  }

  /** The repository's services, or undefined (after telling the person) when DVC was not found. */
  async services(repository: Repository): Promise<RepositoryServices | undefined> {
    const executable = await this.deps.locator.ready();
    if (!executable) {
      await showErrorWithLog(
        this.log,
        'DVC Lens: DVC was not found, so nothing ran. Choose a DVC executable or install DVC, then try again.',
      );
      return undefined;
    }
    const root = repository.root.fsPath;
    const scheduler = this.deps.schedulers.for(root);
    const cli = new DvcCli(executable, scheduler);
    return {
      repository,
      remotes: new RemotesService(cli, scheduler),
      data: new DataService(cli, scheduler, new GitCli(root)),
      imports: new ImportService(cli, scheduler),
    };
  }

  /** Registers a command that runs processes: it refuses in Restricted Mode, even when invoked by code. */
  registerTrusted(id: string, handler: (...args: unknown[]) => Promise<unknown>): void {
    this.deps.disposables.register(
      vscode.commands.registerCommand(id, (...args: unknown[]) => {
        if (isTrusted()) return handler(...args);
        void vscode.window.showWarningMessage(restrictedModeMessage);
        return undefined;
      }),
    );
  }
}
