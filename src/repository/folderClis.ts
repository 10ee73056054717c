/**
 * The one place DVC and git CLIs are built. A `Repository` builds its own through here; setup (a folder that
 * is not a repository yet) and the command-line report (no VS Code, no hub) ask here for a folder's. Nothing
 * here imports `vscode`, so the report's bundle can use it.
 */
import { DvcCli } from '../cli/dvcCli';
import type { DvcExecutable } from '../cli/dvcExecutable';
import { GitCli } from '../cli/gitCli';
import type { ProcessLog } from '../cli/processLog';
import type { RepositoryScheduler } from '../cli/repositoryScheduler';

/** The shared services a folder's CLIs need: the log every git call writes to and the per-folder queues. */
export interface FolderCliServices {
  readonly log: ProcessLog;
  readonly schedulers: { for(folder: string): RepositoryScheduler };
  /** The limit of every read, asked per call (`dvcLens.processTimeout`); without it the CLIs' own defaults. */
  readonly readTimeoutMs?: () => number;
}

/** git in `folder` (any folder: `git init` runs in one that is no repository yet). */
export function gitForFolder(
  services: Pick<FolderCliServices, 'log' | 'readTimeoutMs'>,
  folder: string,
): GitCli {
  return new GitCli(folder, {
    log: services.log,
    ...(services.readTimeoutMs ? { readTimeoutMs: services.readTimeoutMs } : {}),
  });
}

/** DVC in `folder`, in the folder's one write queue (shared with its repository once it is one). */
export function dvcForFolder(
  services: Pick<FolderCliServices, 'schedulers' | 'readTimeoutMs'>,
  folder: string,
  executable: DvcExecutable,
): DvcCli {
  return dvcWithScheduler(executable, services.schedulers.for(folder), services.readTimeoutMs);
}

/** DVC behind a scheduler the caller owns (the command-line report has no shared schedulers). */
export function dvcWithScheduler(
  executable: DvcExecutable,
  scheduler: RepositoryScheduler,
  readTimeoutMs?: () => number,
): DvcCli {
  return new DvcCli(executable, scheduler, readTimeoutMs ? { readTimeoutMs } : {});
}
