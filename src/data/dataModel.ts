/**
 * What the Data view, the Explorer decorations and the data commands read: per DVC repository, the tracked
 * paths (from files, at once) and the last `dvc data status` (when trusted and DVC is located). Files are
 * re-read when a `.dvc` file or dvc.lock changes; status is asked again, debounced, when those or a tracked
 * path change. `.dvc/` (the cache) and `.git/` are not watched.
 */
import * as vscode from 'vscode';
import { DataStatusIndex } from '../core/data/dataStatusIndex';
import { trackedOutOf, type TrackedData, type TrackedOut } from '../core/data/trackedData';
import { Debouncer } from '../lifecycle/debouncer';
import { DisposableStore } from '../lifecycle/disposableStore';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';
import { isInside, relativePath } from '../repository/workspaceScan';
import { DataStatusReader, type StatusReadOutcome } from './dataStatusReader';
import { readTrackedData } from './trackedDataFiles';

const REFRESH_DELAY_MS = 500;
const ignoredSegments = ['/.git/', '/.dvc/', '/node_modules/', '/.venv/', '/venv/', '/__pycache__/'];

/** One DVC repository as the data feature knows it. */
export interface DataRepository {
  readonly root: vscode.Uri;
  readonly workspaceFolder: vscode.WorkspaceFolder;
  readonly data: TrackedData;
  readonly status: DataStatusIndex | undefined;
  readonly statusError: string | undefined;
  readonly loaded: boolean;
}

interface MutableRepository {
  root: vscode.Uri;
  workspaceFolder: vscode.WorkspaceFolder;
  data: TrackedData;
  loaded: boolean;
  generation: number;
}

export class DataModel implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changed = this.disposables.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly byRoot = new Map<string, MutableRepository>();
  private readonly fileChanges: Debouncer<string>;
  private readonly statusChanges: Debouncer<string>;
  private loadedOnce = false;

  constructor(
    private readonly repositories: WorkspaceRepositories,
    private readonly statusReader: DataStatusReader,
  ) {
    this.fileChanges = this.disposables.register(
      new Debouncer(
        () => REFRESH_DELAY_MS,
        (roots) => void this.reload([...roots]),
      ),
    );
    this.statusChanges = this.disposables.register(
      new Debouncer(
        () => REFRESH_DELAY_MS,
        (roots) => void this.refreshStatus([...roots]),
      ),
    );
    this.disposables.register(statusReader.onDidChange(() => this.changed.fire()));
    this.disposables.register(repositories.onDidChange(() => this.sync()));
    const watcher = this.disposables.register(vscode.workspace.createFileSystemWatcher('**/*'));
    const onFile = (uri: vscode.Uri): void => this.fileChanged(uri);
    this.disposables.register(watcher.onDidChange(onFile));
    this.disposables.register(watcher.onDidCreate(onFile));
    this.disposables.register(watcher.onDidDelete(onFile));
    this.sync();
  }

  /** True once every repository known at the time has been read from files. */
  get isLoaded(): boolean {
    return this.loadedOnce && [...this.byRoot.values()].every((repository) => repository.loaded);
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
    return [...this.byRoot.values()]
      .sort((a, b) => a.root.path.localeCompare(b.root.path))
      .map((repository) => this.view(repository));
  }

  get isRefreshing(): boolean {
    return [...this.byRoot.keys()].some((key) => this.statusReader.isRefreshing(key));
  }

  repository(root: vscode.Uri | string): DataRepository | undefined {
    const found = this.byRoot.get(typeof root === 'string' ? root : root.toString());
    return found ? this.view(found) : undefined;
  }

  /** The deepest DVC repository holding `uri`. */
  repositoryOf(uri: vscode.Uri): DataRepository | undefined {
    const holders = [...this.byRoot.values()].filter(
      (repository) => isInside(uri, repository.root) || uri.toString() === repository.root.toString(),
    );
    holders.sort((a, b) => b.root.path.length - a.root.path.length);
    return holders[0] ? this.view(holders[0]) : undefined;
  }

  /** The tracked out a resource is (or lies inside), with its repository and path. */
  trackedAt(uri: vscode.Uri): { repository: DataRepository; path: string; out: TrackedOut } | undefined {
    const repository = this.repositoryOf(uri);
    if (!repository) return undefined;
    const path = relativePath(repository.root, uri);
    const out = trackedOutOf(repository.data.outs, path);
    return out ? { repository, path, out } : undefined;
  }

  /** Re-reads files (then status) of the given repositories, or all. */
  async reload(roots?: readonly string[], options: { readonly notInRemote?: boolean } = {}): Promise<void> {
    const targets = roots ? roots.flatMap((key) => this.byRoot.get(key) ?? []) : [...this.byRoot.values()];
    await Promise.all(targets.map((repository) => this.readFiles(repository)));
    await this.refreshStatus(
      targets.map((repository) => repository.root.toString()),
      options,
    );
  }

  /** Asks DVC again (when it can); `notInRemote` also asks the default remote. */
  async refreshStatus(
    roots?: readonly string[],
    options: { readonly notInRemote?: boolean } = {},
  ): Promise<Map<string, StatusReadOutcome>> {
    const keys = roots ?? [...this.byRoot.keys()];
    const outcomes = new Map<string, StatusReadOutcome>();
    await Promise.all(
      keys.map(async (key) => {
        const repository = this.byRoot.get(key);
        if (repository) outcomes.set(key, await this.statusReader.refresh(repository.root, options));
      }),
    );
    return outcomes;
  }

  scheduleStatusRefresh(root: string): void {
    this.statusChanges.add(root);
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private view(repository: MutableRepository): DataRepository {
    const key = repository.root.toString();
    return {
      root: repository.root,
      workspaceFolder: repository.workspaceFolder,
      data: repository.data,
      status: this.statusReader.statusOf(key),
      statusError: this.statusReader.errorOf(key),
      loaded: repository.loaded,
    };
  }

  /** Follows the workspace's DVC repositories; a new one is read at once. */
  private sync(): void {
    const present = new Set<string>();
    const added: MutableRepository[] = [];
    for (const found of this.repositories.repositories) {
      if (!found.isDvcRepository) continue;
      const key = found.root.toString();
      present.add(key);
      if (this.byRoot.has(key)) continue;
      const repository: MutableRepository = {
        root: found.root,
        workspaceFolder: found.workspaceFolder,
        data: { outs: [], problems: [] },
        loaded: false,
        generation: 0,
      };
      this.byRoot.set(key, repository);
      added.push(repository);
    }
    let removed = false;
    for (const key of [...this.byRoot.keys()])
      if (!present.has(key)) {
        this.byRoot.delete(key);
        this.statusReader.forget(key);
        removed = true;
      }
    if (this.repositories.isLoaded && !this.loadedOnce) {
      this.loadedOnce = true;
      if (added.length === 0) this.changed.fire();
    }
    if (removed) this.changed.fire();
    if (added.length > 0) void this.reload(added.map((repository) => repository.root.toString()));
  }

  private async readFiles(repository: MutableRepository): Promise<void> {
    const generation = ++repository.generation;
    const nested = [...this.byRoot.values()]
      .filter((other) => other !== repository && isInside(other.root, repository.root))
      .map((other) => other.root);
    const data = await readTrackedData(repository.root, nested);
    // A newer read started meanwhile: its answer wins.
    if (generation !== repository.generation) return;
    repository.data = data;
    repository.loaded = true;
    this.changed.fire();
  }

  private fileChanged(uri: vscode.Uri): void {
    if (ignoredSegments.some((segment) => uri.path.includes(segment))) return;
    const repository = this.repositoryOf(uri);
    if (!repository) return;
    const key = repository.root.toString();
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    if (name.endsWith('.dvc') || name === 'dvc.lock') this.fileChanges.add(key);
    else if (trackedOutOf(repository.data.outs, relativePath(repository.root, uri)))
      this.statusChanges.add(key);
  }
}
