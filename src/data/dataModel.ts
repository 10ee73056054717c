/**
 * What the Data view, the Explorer decorations and the data commands read: the workspace-level face of the
 * data slices (dataSlice.ts), one per DVC repository, kept by the repository hub.
 */
import * as vscode from 'vscode';
import type { DataStatusIndex } from '../core/data/dataStatusIndex';
import { trackedOutOf, type TrackedData, type TrackedOut } from '../core/data/trackedData';
import { DisposableStore } from '../lifecycle/disposableStore';
import type { Repository } from '../repository/repository';
import type { SliceKey } from '../repository/repositorySlice';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';
import { isInside, relativePath } from '../repository/workspaceScan';
import { dataSliceKey, dataSliceName, type DataSlice } from './dataSlice';
import type { StatusReadOutcome, StatusReadRequest } from './dataStatusReader';

/** One DVC repository as the data feature shows it: the hub's repository and a snapshot of its data slice. */
export interface DataRepository {
  readonly repository: Repository;
  readonly root: vscode.Uri;
  readonly workspaceFolder: vscode.WorkspaceFolder;
  readonly data: TrackedData;
  readonly status: DataStatusIndex | undefined;
  readonly statusError: string | undefined;
  readonly loaded: boolean;
}

export class DataModel implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changed = this.disposables.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly key: SliceKey<DataSlice>;
  private loadedOnce = false;
  /** The DVC roots last seen, joined: tells a removed repository (the view must drop it) from a re-read. */
  private knownRoots = '';

  constructor(private readonly repositories: WorkspaceRepositories) {
    this.key = dataSliceKey({ nestedRoots: (repository) => this.nestedRoots(repository) });
    this.disposables.register(
      repositories.onDidChangeSlice((change) => {
        if (change.name === dataSliceName) this.changed.fire();
      }),
    );
    this.disposables.register(repositories.onDidChange(() => this.sync()));
    this.sync();
  }

  /** True once every repository known at the time has been read from files. */
  get isLoaded(): boolean {
    return this.loadedOnce && this.slices().every((slice) => slice.loaded);
  }

  /** Resolves once every repository of the first workspace scan has been read from files (see isLoaded). */
  whenLoaded(): Promise<void> {
    if (this.isLoaded) return Promise.resolve();
    return new Promise((resolve) => {
      const subscription = this.onDidChange(() => {
        if (!this.isLoaded) return;
        subscription.dispose();
        resolve();
      });
    });
  }

  get all(): readonly DataRepository[] {
    return this.slices()
      .sort((a, b) => a.repository.root.path.localeCompare(b.repository.root.path))
      .map((slice) => view(slice));
  }

  get isRefreshing(): boolean {
    return this.slices().some((slice) => slice.isRefreshing);
  }

  repository(root: vscode.Uri | string): DataRepository | undefined {
    const slice = this.sliceAt(typeof root === 'string' ? root : root.toString());
    return slice ? view(slice) : undefined;
  }

  /** The deepest DVC repository holding `uri`. */
  repositoryOf(uri: vscode.Uri): DataRepository | undefined {
    const holders = this.slices().filter((slice) => slice.repository.contains(uri));
    holders.sort((a, b) => b.repository.root.path.length - a.repository.root.path.length);
    return holders[0] ? view(holders[0]) : undefined;
  }

  /** The tracked out a resource is (or lies inside), with its repository and path. */
  trackedAt(uri: vscode.Uri): { repository: DataRepository; path: string; out: TrackedOut } | undefined {
    const repository = this.repositoryOf(uri);
    if (!repository) return undefined;
    const path = relativePath(repository.root, uri);
    const out = trackedOutOf(repository.data.outs, path);
    return out ? { repository, path, out } : undefined;
  }

  /** Whether the status shown for a repository (root URI string) includes what the remote lacks. */
  remoteChecked(root: string): boolean {
    return this.sliceAt(root)?.remoteChecked ?? false;
  }

  /** Re-reads files (then status) of the given repositories (root URI strings), or all. */
  async reload(roots?: readonly string[], options: StatusReadRequest = {}): Promise<void> {
    await Promise.all(this.targets(roots).map((slice) => slice.reload(options)));
  }

  /** Asks DVC again (when it can); `notInRemote` also asks the default remote. Outcomes by root URI string. */
  async refreshStatus(
    roots?: readonly string[],
    options: StatusReadRequest = {},
  ): Promise<Map<string, StatusReadOutcome>> {
    const targets = this.targets(roots);
    const outcomes = await Promise.all(targets.map((slice) => slice.refreshStatus(options)));
    return new Map(
      targets.map((slice, index) => [slice.repository.root.toString(), outcomes[index] ?? 'noDvc']),
    );
  }

  scheduleStatusRefresh(root: string): void {
    this.sliceAt(root)?.scheduleStatusRefresh();
  }

  dispose(): void {
    this.disposables.dispose();
  }

  /** The slice of every DVC repository (made, and so first read, when the repository appears). */
  private slices(): DataSlice[] {
    return this.repositories.repositories
      .filter((repository) => repository.isDvcRepository)
      .map((repository) => repository.slice(this.key));
  }

  private sliceAt(root: string): DataSlice | undefined {
    const repository = this.repositories.repositoryAt(root);
    return repository?.isDvcRepository ? repository.slice(this.key) : undefined;
  }

  private targets(roots: readonly string[] | undefined): DataSlice[] {
    return roots ? roots.flatMap((root) => this.sliceAt(root) ?? []) : this.slices();
  }

  private nestedRoots(repository: Repository): vscode.Uri[] {
    return this.repositories.repositories
      .filter(
        (other) => other.isDvcRepository && other !== repository && isInside(other.root, repository.root),
      )
      .map((other) => other.root);
  }

  /** Follows the workspace's DVC repositories: a new one gets its slice, which reads at once. */
  private sync(): void {
    const roots = this.slices()
      .map((slice) => slice.repository.root.toString())
      .join('\n');
    const removed = this.knownRoots
      .split('\n')
      .some((root) => root !== '' && !roots.split('\n').includes(root));
    this.knownRoots = roots;
    if (this.repositories.isLoaded && !this.loadedOnce) {
      this.loadedOnce = true;
      this.changed.fire();
    }
    if (removed) this.changed.fire();
  }
}

function view(slice: DataSlice): DataRepository {
  const { repository } = slice;
  return {
    repository,
    root: repository.root,
    workspaceFolder: repository.workspaceFolder,
    data: slice.data,
    status: slice.status,
    statusError: slice.statusError,
    loaded: slice.loaded,
  };
}
