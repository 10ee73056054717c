/** Who commits: user.name and user.email, read and set through git config. */
import type { GitRunner } from './gitRunner';

/** user.name and user.email as git resolves them for this folder (repository, global and system config). */
export interface GitIdentity {
  readonly name: string | undefined;
  readonly email: string | undefined;
}

export class GitIdentityConfig {
  constructor(private readonly runner: GitRunner) {}

  async identity(signal?: AbortSignal): Promise<GitIdentity> {
    const name = await this.runner.run((git) => git.getConfig('user.name'), signal);
    const email = await this.runner.run((git) => git.getConfig('user.email'), signal);
    return { name: name.value ?? undefined, email: email.value ?? undefined };
  }

  async hasIdentity(signal?: AbortSignal): Promise<boolean> {
    const { name, email } = await this.identity(signal);
    return Boolean(name?.trim()) && Boolean(email?.trim());
  }

  /** Sets user.name and user.email, for this repository or (`global`) for the user. */
  async setIdentity(
    name: string,
    email: string,
    scope: 'repository' | 'global',
    signal?: AbortSignal,
  ): Promise<void> {
    const flag = scope === 'global' ? ['--global'] : [];
    // `--end-of-options`: a name such as `-x` is the value, not an option of git config.
    await this.runner.run(
      (git) => git.raw(['config', ...flag, '--end-of-options', 'user.name', name]),
      signal,
      'write',
    );
    await this.runner.run(
      (git) => git.raw(['config', ...flag, '--end-of-options', 'user.email', email]),
      signal,
      'write',
    );
  }
}
