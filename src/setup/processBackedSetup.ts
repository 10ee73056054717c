import { homedir } from 'node:os';
import { DvcCli } from '../cli/dvcCli';
import type { DvcExecutable } from '../cli/dvcExecutable';
import { GitCli } from '../cli/gitCli';
import type { ProcessLog } from '../cli/processLog';
import type { ProcessRunner } from '../cli/runner';
import type { RepositorySchedulers } from '../repository/repositorySchedulers';
import { initializeProject, inspectFolder } from './initializeProject';
import { installDvc } from './installDvc';
import type { ProjectSetupServices } from './projectSetupServices';

/** Thrown when a command needs DVC and none was found; the message says where to look next. */
export class DvcMissingError extends Error {
  constructor() {
    super(
      'DVC was not found. Choose a dvc executable (DVC Lens: Select DVC Executable) or install DVC into the workspace (DVC Lens: Install DVC).',
    );
  }
}

/** The Initialize Project command's services, backed by real git and DVC through the shared runner. */
export function createProjectSetupServices(
  schedulers: RepositorySchedulers,
  log: ProcessLog,
  dvcExecutable: () => Promise<DvcExecutable | undefined>,
): ProjectSetupServices {
  return {
    inspect: (folder) => inspectFolder(folder, { git: new GitCli(folder, { log }) }),
    async initialize(folder, choices, signal) {
      const executable = await dvcExecutable();
      if (!executable) throw new DvcMissingError();
      const result = await initializeProject(folder, choices, {
        git: new GitCli(folder, { log }),
        dvc: new DvcCli(executable, schedulers.for(folder)),
        signal,
      });
      return { commit: result.commit };
    },
    async setGlobalGitIdentity(name, email) {
      // Any folder works for a --global write; the home folder always exists.
      await new GitCli(homedir(), { log }).setIdentity(name, email, 'global');
    },
  };
}

export function installDvcWithPip(
  runner: ProcessRunner,
  folder: string,
  python: string,
  signal: AbortSignal,
  onOutput: (line: string) => void,
): Promise<string> {
  return installDvc({ folder, python, runner, signal, onOutput });
}
