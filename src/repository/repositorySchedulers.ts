import type { CommandRunner } from '../cli/runner';
import { RepositoryScheduler } from '../cli/repositoryScheduler';

/**
 * One scheduler per repository folder for the whole extension, so that every DVC write to a repository,
 * whichever feature starts it, waits in the same queue and never collides on DVC's lock.
 */
export class RepositorySchedulers {
  private readonly byRoot = new Map<string, RepositoryScheduler>();

  constructor(private readonly runner: CommandRunner) {}

  for(root: string): RepositoryScheduler {
    let scheduler = this.byRoot.get(root);
    if (!scheduler) {
      scheduler = new RepositoryScheduler(root, this.runner);
      this.byRoot.set(root, scheduler);
    }
    return scheduler;
  }

  dispose(): void {
    for (const scheduler of this.byRoot.values()) scheduler.dispose();
    this.byRoot.clear();
  }
}
