/**
 * What every remote command needs: the DVC repositories (the only ones remotes make sense for), the services
 * of one of them, the log, and the one command runtime, through which every remote command runs: trust, the
 * repository, DVC, progress, the error with "Show Log", and the refresh of the Remotes (and Data) view.
 */
import * as vscode from 'vscode';
import type { DvcCli } from '../repository/processes';
import { DataService } from '../data';
import type { DataFeatureDependencies } from '../data';
import { ImportService } from '../data';
import { RemotesService, hostConfigPlace } from '../data';
import type { DvcCommandContext, RepositoryCommandOptions } from '../repository/command';
import type { Repository } from '../repository/repository';

export type RemoteFeatureDependencies = DataFeatureDependencies;

/** The DVC services of one repository. */
export interface RepositoryServices {
  readonly repository: Repository;
  readonly remotes: RemotesService;
  readonly data: DataService;
  readonly imports: ImportService;
}

/** The names remote commands refresh: the Remotes view, and the Data view (cache, workspace, remote). */
export const REMOTES_STATE = 'remotes';
export { DATA_STATE } from '../data';

/** How a remote command runs; a remote command needs DVC and says so in the remotes' words. */
export type RemoteCommandOptions = Omit<RepositoryCommandOptions<Repository>, 'needsDvc' | 'accepts'>;

const NO_DVC_REPOSITORY = 'DVC Lens: there is no DVC repository in this workspace. Initialize one first.';

export class RemoteContext {
  constructor(
    readonly deps: RemoteFeatureDependencies,
    /** Called after a command changed remotes, so the Remotes view reloads. */
    readonly changed: () => void,
  ) {
    deps.commands.refreshesAlso(REMOTES_STATE, () => Promise.resolve(changed()));
  }

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

  /** The DVC repository holding `uri` (the innermost when repositories nest). */
  repositoryContaining(uri: vscode.Uri): Repository | undefined {
    const repository = this.deps.repositories.repositoryOf(uri);
    return repository?.isDvcRepository ? repository : undefined;
  }

  /** Resolves once the workspace scan is in (commands run right after start-up wait for it). */
  whenLoaded(): Promise<void> {
    return this.deps.repositories.whenLoaded();
  }

  /** The argument's DVC repository, else the only one, else one the person picks (the one resolve/pick). */
  chooseRepository(argument: unknown, title: string): Promise<Repository | undefined> {
    return this.deps.commands.chooseRepository(argument, {
      pickTitle: title,
      accepts: (repository) => repository.isDvcRepository,
      noRepository: NO_DVC_REPOSITORY,
    });
  }

  /** The repository's services for a view: undefined (silently) when untrusted or DVC was not found. */
  async services(repository: Repository): Promise<RepositoryServices | undefined> {
    const dvc = await repository.dvc();
    return dvc && servicesOf(repository, dvc, this.log);
  }

  /** A remote command acting on the repository its argument names or the person picks. */
  command<T>(
    id: string,
    options: RemoteCommandOptions,
    handler: (services: RepositoryServices, runtime: DvcCommandContext) => Promise<T>,
  ): void {
    this.deps.commands.repositoryCommand(
      id,
      {
        ...options,
        accepts: (repository: Repository) => repository.isDvcRepository,
        noRepository: NO_DVC_REPOSITORY,
        needsDvc: true,
      },
      (runtime) => handler(servicesOf(runtime.repository, runtime.dvc, this.log), runtime),
    );
  }

  /** The runtime's steps in a repository the command found from its targets (its trust was checked). */
  runIn<T>(
    repository: Repository,
    options: RemoteCommandOptions,
    handler: (services: RepositoryServices, runtime: DvcCommandContext) => Promise<T>,
  ): Promise<T | undefined> {
    return this.deps.commands.runIn(repository, { ...options, needsDvc: true }, [], (runtime) =>
      handler(servicesOf(runtime.repository, runtime.dvc, this.log), runtime),
    );
  }

  /** A command that finds its repository from its targets: the trust gate first, even when invoked by code. */
  registerTrusted(id: string, handler: (...args: unknown[]) => Promise<unknown>): void {
    this.deps.commands.registerTrusted(id, handler);
  }
}

function servicesOf(
  repository: Repository,
  dvc: DvcCli,
  log: RemoteFeatureDependencies['log'],
): RepositoryServices {
  const scheduler = repository.scheduler;
  return {
    repository,
    remotes: new RemotesService(dvc, scheduler, hostConfigPlace(), (line) => log.append(line)),
    data: new DataService(dvc, scheduler, repository.git),
    imports: new ImportService(dvc, scheduler),
  };
}
