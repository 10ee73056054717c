/**
 * git for one folder: one face over the git concepts, each in its own file and all running through one
 * GitRunner (gitRunner.ts: simple-git, the process log, the read timeout, ProcessError). The face keeps one
 * `new GitCli(folder, options)` and one `repository.git` for the hub, the features and the tests; the
 * behaviour and its documentation live in the concept files named at each group below.
 */
import {
  GitHistoryReads,
  type GitLogPageRequest,
  type HeadCommit,
  type RecentCommit,
} from './gitHistoryReads';
import { GitIdentityConfig, type GitIdentity } from './gitIdentity';
import { GitRefsAndTags, type BranchOrTag, type LocalBranch, type TagRecord } from './gitRefsAndTags';
import { GitRemotesAndPush } from './gitRemotesAndPush';
import { GitRunner, type GitCliOptions } from './gitRunner';
import { GitWorkTree, type ChangedFile } from './gitWorkTree';

export type { BranchOrTag, ChangedFile, GitCliOptions, GitIdentity, GitLogPageRequest, HeadCommit };
export type { LocalBranch, RecentCommit, TagRecord };

export class GitCli {
  private readonly workTree: GitWorkTree;
  private readonly identityConfig: GitIdentityConfig;
  private readonly remotes: GitRemotesAndPush;
  private readonly refs: GitRefsAndTags;
  private readonly history: GitHistoryReads;

  constructor(
    readonly folder: string,
    options: GitCliOptions = {},
  ) {
    const runner = new GitRunner(folder, options);
    this.workTree = new GitWorkTree(runner);
    this.identityConfig = new GitIdentityConfig(runner);
    this.remotes = new GitRemotesAndPush(runner);
    this.refs = new GitRefsAndTags(runner);
    this.history = new GitHistoryReads(runner);
  }

  // The work tree and its index: gitWorkTree.ts.

  isRepository(signal?: AbortSignal): Promise<boolean> {
    return this.workTree.isRepository(signal);
  }

  repositoryRoot(signal?: AbortSignal): Promise<string> {
    return this.workTree.repositoryRoot(signal);
  }

  init(signal?: AbortSignal): Promise<void> {
    return this.workTree.init(signal);
  }

  folderPrefix(signal?: AbortSignal): Promise<string> {
    return this.workTree.folderPrefix(signal);
  }

  hasStagedChanges(signal?: AbortSignal): Promise<boolean> {
    return this.workTree.hasStagedChanges(signal);
  }

  changedFiles(signal?: AbortSignal): Promise<readonly ChangedFile[]> {
    return this.workTree.changedFiles(signal);
  }

  trackedFiles(paths: readonly string[], signal?: AbortSignal): Promise<string[]> {
    return this.workTree.trackedFiles(paths, signal);
  }

  add(paths: readonly string[], signal?: AbortSignal): Promise<void> {
    return this.workTree.add(paths, signal);
  }

  commit(message: string, paths: readonly string[], signal?: AbortSignal): Promise<string> {
    return this.workTree.commit(message, paths, signal);
  }

  removeFromIndex(paths: readonly string[], signal?: AbortSignal): Promise<void> {
    return this.workTree.removeFromIndex(paths, signal);
  }

  // Who commits (user.name, user.email): gitIdentity.ts.

  identity(signal?: AbortSignal): Promise<GitIdentity> {
    return this.identityConfig.identity(signal);
  }

  hasIdentity(signal?: AbortSignal): Promise<boolean> {
    return this.identityConfig.hasIdentity(signal);
  }

  setIdentity(
    name: string,
    email: string,
    scope: 'repository' | 'global',
    signal?: AbortSignal,
  ): Promise<void> {
    return this.identityConfig.setIdentity(name, email, scope, signal);
  }

  // Remotes, fetch and push: gitRemotesAndPush.ts.

  remoteNames(signal?: AbortSignal): Promise<string[]> {
    return this.remotes.remoteNames(signal);
  }

  remoteUrl(name: string, signal?: AbortSignal): Promise<string> {
    return this.remotes.remoteUrl(name, signal);
  }

  fetch(remote: string, signal?: AbortSignal): Promise<void> {
    return this.remotes.fetch(remote, signal);
  }

  remoteBranchesContaining(remote: string, sha: string, signal?: AbortSignal): Promise<string[]> {
    return this.remotes.remoteBranchesContaining(remote, sha, signal);
  }

  push(remote: string, branch: string, signal?: AbortSignal): Promise<void> {
    return this.remotes.push(remote, branch, signal);
  }

  pushTags(remote: string, tags: readonly string[], signal?: AbortSignal): Promise<void> {
    return this.remotes.pushTags(remote, tags, signal);
  }

  // Branches, tags and refs: gitRefsAndTags.ts.

  localBranches(signal?: AbortSignal): Promise<LocalBranch[]> {
    return this.refs.localBranches(signal);
  }

  currentBranch(signal?: AbortSignal): Promise<string | undefined> {
    return this.refs.currentBranch(signal);
  }

  refNames(signal?: AbortSignal): Promise<string[]> {
    return this.refs.refNames(signal);
  }

  branchesAndTags(signal?: AbortSignal): Promise<readonly BranchOrTag[]> {
    return this.refs.branchesAndTags(signal);
  }

  resolveCommit(ref: string, signal?: AbortSignal): Promise<string | undefined> {
    return this.refs.resolveCommit(ref, signal);
  }

  tagRecords(signal?: AbortSignal): Promise<TagRecord[]> {
    return this.refs.tagRecords(signal);
  }

  // Reads of the commit history: gitHistoryReads.ts.

  headCommit(signal?: AbortSignal): Promise<HeadCommit | undefined> {
    return this.history.headCommit(signal);
  }

  recentCommits(count: number, signal?: AbortSignal): Promise<readonly RecentCommit[]> {
    return this.history.recentCommits(count, signal);
  }

  firstParents(rev: string, count: number, signal?: AbortSignal): Promise<string[]> {
    return this.history.firstParents(rev, count, signal);
  }

  logPage(page: GitLogPageRequest, signal?: AbortSignal): Promise<string> {
    return this.history.logPage(page, signal);
  }

  commitsTouching(path: string, limit: number, signal?: AbortSignal): Promise<string[]> {
    return this.history.commitsTouching(path, limit, signal);
  }

  diffNameStatus(a: string, b?: string, signal?: AbortSignal): Promise<string> {
    return this.history.diffNameStatus(a, b, signal);
  }

  fileAt(rev: string, path: string, signal?: AbortSignal): Promise<string | undefined> {
    return this.history.fileAt(rev, path, signal);
  }

  isShallow(signal?: AbortSignal): Promise<boolean> {
    return this.history.isShallow(signal);
  }
}
