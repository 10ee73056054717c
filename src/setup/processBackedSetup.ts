import { homedir } from 'node:os';
import type { DvcExecutable } from '../repository/processes';
import type { ProcessRunner } from '../repository/processes';
import { dvcForFolder, gitForFolder, type FolderCliServices } from '../repository/folderClis';
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

/**
 * The Initialize Project command's services, backed by real git and DVC through the shared runner. The folder
 * is no repository of the hub yet, so its CLIs come from the hub's folder CLIs (same log, same write queue).
 */
export function createProjectSetupServices(
  services: FolderCliServices,
  dvcExecutable: () => Promise<DvcExecutable | undefined>,
): ProjectSetupServices {
  return {
    inspect: (folder) => inspectFolder(folder, { git: gitForFolder(services, folder) }),
    async initialize(folder, choices, signal) {
      const executable = await dvcExecutable();
      if (!executable) throw new DvcMissingError();
      const result = await initializeProject(folder, choices, {
        git: gitForFolder(services, folder),
        dvc: dvcForFolder(services, folder, executable),
        signal,
      });
      return { commit: result.commit };
    },
    async setGlobalGitIdentity(name, email) {
      // Any folder works for a --global write; the home folder always exists.
      await gitForFolder(services, homedir()).setIdentity(name, email, 'global');
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
