/** The git remotes: their names and URLs, fetch, which remote branches hold a commit, and push. */
import { asGitRemote, asGitRevision } from './gitArguments';
import type { GitRunner } from './gitRunner';

export class GitRemotesAndPush {
  constructor(private readonly runner: GitRunner) {}

  /** The git remotes' names (`git remote`), e.g. for pushing experiments to the one a person picks. */
  async remoteNames(signal?: AbortSignal): Promise<string[]> {
    const remotes = await this.runner.run((git) => git.getRemotes(false), signal);
    return remotes.map((remote) => remote.name).filter((name) => name.length > 0);
  }

  /** The URL a git remote fetches from (`git remote get-url`). */
  async remoteUrl(name: string, signal?: AbortSignal): Promise<string> {
    const output = await this.runner.run((git) => git.raw(['remote', 'get-url', '--', name]), signal);
    return output.trim();
  }

  /** `git fetch <remote>`: the remote's branches as they are now (a write: it updates refs/remotes). */
  async fetch(remote: string, signal?: AbortSignal): Promise<void> {
    await this.runner.run((git) => git.raw(['fetch', '--quiet', asGitRemote(remote)]), signal, 'write');
  }

  /** The remote-tracking branches of `remote` (`origin/main`) whose history holds `sha` (after a fetch). */
  async remoteBranchesContaining(remote: string, sha: string, signal?: AbortSignal): Promise<string[]> {
    const output = await this.runner.run(
      (git) =>
        git.raw([
          'for-each-ref',
          '--format=%(refname:short)',
          `--contains=${asGitRevision(sha)}`,
          `refs/remotes/${asGitRemote(remote)}/`,
        ]),
      signal,
    );
    return output.split(/\r?\n/).filter((name) => name.length > 0 && !name.endsWith('/HEAD'));
  }

  /** `git push <remote> <branch>`: the branch's commits to the remote's branch of the same name. */
  async push(remote: string, branch: string, signal?: AbortSignal): Promise<void> {
    await this.runner.run(
      (git) => git.raw(['push', '--quiet', asGitRemote(remote), `refs/heads/${asGitRevision(branch)}`]),
      signal,
      'write',
    );
  }

  /** Pushes the named tags to `remote` (a configured remote's name), each as `refs/tags/<name>`. */
  async pushTags(remote: string, tags: readonly string[], signal?: AbortSignal): Promise<void> {
    const refspecs = tags.map((tag) => `refs/tags/${tag}:refs/tags/${tag}`);
    await this.runner.run(
      (git) => git.raw(['push', '--end-of-options', asGitRevision(remote), ...refspecs]),
      signal,
      'write',
    );
  }
}
