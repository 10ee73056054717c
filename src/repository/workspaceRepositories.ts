import path from 'node:path';
import * as vscode from 'vscode';
import { pipelineRefreshDelayMs } from '../config/settings';
import { Debouncer } from '../lifecycle/debouncer';
import { DisposableStore } from '../lifecycle/disposableStore';
import type { OutputLog } from '../log/outputLog';
import { Repository, type RepositoryServices } from './repository';
import type { RepositoryFileEvent } from './repositoryFileEvents';
import type { SliceChange } from './repositorySlice';
import { scanWorkspaceFolder } from './workspaceScan';

/** How long the one watcher gathers events before handing them to the repositories' subscribers. */
const FILE_EVENT_BATCH_MS = 50;

const queueWorkerCopy = /\/\.dvc\/tmp\/exps\/tmp[^/]*(\/|$)/;

/** A subscription to the one watcher's events anywhere in the workspace, inside a repository or not. */
interface WorkspaceFileSubscription {
  readonly filter: (event: RepositoryFileEvent) => boolean;
  readonly listener: (events: readonly RepositoryFileEvent[]) => void;
}

/**
 * All repositories of the workspace, one per DVC root, kept up to date from file events: a created or
 * deleted dvc.yaml or .dvc folder rescans; any other change re-reads only the pipelines that depend on it.
 * Reading files is all it does, so it works the same in Restricted Mode.
 */
export class WorkspaceRepositories implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changed = this.disposables.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly sliceChanged = this.disposables.register(new vscode.EventEmitter<SliceChange>());
  /** A slice of some repository changed: a concept's workspace-level face listens here once, by slice name. */
  readonly onDidChangeSlice = this.sliceChanged.event;
  private readonly workspaceFileSubscriptions = new Set<WorkspaceFileSubscription>();

  private readonly repositoriesByRoot = new Map<string, Repository>();
  private loaded = false;
  private scanGeneration = 0;
  private readonly contentChanges: Debouncer<string>;
  private readonly structureChanges: Debouncer<string>;

  /** Events of the one watcher, gathered briefly so that a burst reaches subscribers as one batch. */
  private pendingEvents: RepositoryFileEvent[] = [];
  private eventFlush: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly services: RepositoryServices) {
    this.contentChanges = this.disposables.register(
      new Debouncer(pipelineRefreshDelayMs, (uris) => void this.refreshChanged(uris)),
    );
    this.structureChanges = this.disposables.register(
      new Debouncer(pipelineRefreshDelayMs, () => void this.rescan()),
    );
    // The workspace's ONE file watcher: the pipelines' own needs are served here, and every repository hands
    // the events under its root to the filtered subscriptions of its concepts (Repository.onFiles).
    const watcher = this.disposables.register(vscode.workspace.createFileSystemWatcher('**/*'));
    this.disposables.register(watcher.onDidCreate((uri) => this.onFileEvent({ uri, kind: 'created' })));
    this.disposables.register(watcher.onDidChange((uri) => this.onFileEvent({ uri, kind: 'changed' })));
    this.disposables.register(watcher.onDidDelete((uri) => this.onFileEvent({ uri, kind: 'deleted' })));
    this.disposables.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()));
    this.disposables.register({ dispose: () => clearTimeout(this.eventFlush) });
  }

  private get log(): OutputLog {
    return this.services.log;
  }

  /** The repository whose root holds `uri`: the deepest one when roots nest. */
  repositoryOf(uri: vscode.Uri): Repository | undefined {
    let best: Repository | undefined;
    for (const repository of this.repositoriesByRoot.values())
      if (repository.contains(uri) && (!best || repository.root.path.length > best.root.path.length))
        best = repository;
    return best;
  }

  /** The repository whose root is exactly `root`: a URI (compared by file path), or a URI string as views key them. */
  repositoryAt(root: vscode.Uri | string): Repository | undefined {
    if (typeof root === 'string') return this.repositoriesByRoot.get(root);
    return this.repositories.find((repository) => repository.root.fsPath === root.fsPath);
  }

  /**
   * Hears the one watcher's events anywhere in the workspace, inside a repository or not (a `.git` folder above a
   * DVC root belongs to no repository). For files of one repository, prefer `Repository.onFiles`.
   */
  onWorkspaceFiles(
    filter: (event: RepositoryFileEvent) => boolean,
    listener: (events: readonly RepositoryFileEvent[]) => void,
  ): vscode.Disposable {
    const subscription: WorkspaceFileSubscription = { filter, listener };
    this.workspaceFileSubscriptions.add(subscription);
    return new vscode.Disposable(() => this.workspaceFileSubscriptions.delete(subscription));
  }

  /**
   * Hears changes of files outside the workspace that DVC reads too (its global and system config): the one
   * workspace watcher does not see them, so each gets a watcher of its own, made here with the others.
   */
  onFilesOutsideWorkspace(files: readonly string[], listener: (file: string) => void): vscode.Disposable {
    const watchers = files.map((file) => {
      const watcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)),
      );
      const heard = (): void => listener(file);
      return vscode.Disposable.from(
        watcher,
        watcher.onDidCreate(heard),
        watcher.onDidChange(heard),
        watcher.onDidDelete(heard),
      );
    });
    return vscode.Disposable.from(...watchers);
  }

  private onFileEvent(event: RepositoryFileEvent): void {
    const { uri, kind } = event;
    // A queue worker's copy of the repository (.dvc/tmp/exps/tmp<random>/, with its own .dvc, dvc.yaml and
    // params) changes on every step of its run: none of it is the user's, and taken as changes it made reads
    // supersede each other for as long as the run lasted.
    if (queueWorkerCopy.test(uri.path)) return;
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const isStructure = /\/(dvc\.yaml|\.dvc|\.dvc\/config)$/.test(uri.path);
    if (isStructure && kind !== 'changed') this.structureChanges.add(uri.toString());
    // Params files may have any name; the repositories know which ones they read and ignore the rest.
    if (/\.(yaml|yml|json|toml|py)$/.test(name)) this.contentChanges.add(uri.toString());
    // Creating or deleting a folder may report only the folder, not the dvc.yaml files inside it.
    if (kind === 'deleted' && this.repositories.some((repository) => repository.hasPipelineFileUnder(uri)))
      this.structureChanges.add(uri.toString());
    if (kind === 'created' && !isStructure) void this.rescanIfFolder(uri);
    this.pendingEvents.push(event);
    this.eventFlush ??= setTimeout(() => this.flushEvents(), FILE_EVENT_BATCH_MS);
  }

  private flushEvents(): void {
    this.eventFlush = undefined;
    const events = this.pendingEvents;
    this.pendingEvents = [];
    const byRepository = new Map<Repository, RepositoryFileEvent[]>();
    for (const event of events) {
      const repository = this.repositoryOf(event.uri);
      if (!repository) continue;
      const list = byRepository.get(repository) ?? [];
      list.push(event);
      byRepository.set(repository, list);
    }
    for (const [repository, list] of byRepository) repository.dispatchFileEvents(list);
    for (const subscription of [...this.workspaceFileSubscriptions]) {
      const kept = events.filter((event) => subscription.filter(event));
      if (kept.length > 0) subscription.listener(kept);
    }
  }

  get repositories(): readonly Repository[] {
    return [...this.repositoriesByRoot.values()];
  }

  /** False until the first scan finished: views say "loading" instead of "nothing here". */
  get isLoaded(): boolean {
    return this.loaded;
  }

  /**
   * Resolves once the first scan is in. Commands that resolve a path to its repository wait for it: a command
   * run in the first seconds after start-up must not be told its file lies outside every repository.
   */
  whenLoaded(): Promise<void> {
    if (this.loaded) return Promise.resolve();
    return new Promise((resolve) => {
      const subscription = this.onDidChange(() => {
        if (!this.loaded) return;
        subscription.dispose();
        resolve();
      });
    });
  }

  /** Scans every workspace folder, creating, updating and removing repositories to match. */
  async rescan(): Promise<void> {
    const generation = ++this.scanGeneration;
    const folders = vscode.workspace.workspaceFolders ?? [];
    try {
      const scans = (await Promise.all(folders.map((folder) => scanWorkspaceFolder(folder)))).flat();
      if (generation !== this.scanGeneration) return;
      const seen = new Set<string>();
      await Promise.all(
        scans.map(async (scan) => {
          const key = scan.root.toString();
          seen.add(key);
          let repository = this.repositoriesByRoot.get(key);
          if (!repository) {
            repository = new Repository(scan, this.services);
            this.repositoriesByRoot.set(key, repository);
            repository.onDidChange(() => this.changed.fire());
            repository.onDidChangeSlice((change) => this.sliceChanged.fire(change));
          }
          await repository.update(scan);
        }),
      );
      for (const [key, repository] of this.repositoriesByRoot) {
        if (!seen.has(key)) {
          repository.dispose();
          this.repositoriesByRoot.delete(key);
        }
      }
    } catch (error) {
      this.log.error('Scanning the workspace for dvc.yaml files failed', error);
    } finally {
      this.loaded = true;
      this.changed.fire();
    }
  }

  dispose(): void {
    for (const repository of this.repositoriesByRoot.values()) repository.dispose();
    this.repositoriesByRoot.clear();
    this.workspaceFileSubscriptions.clear();
    this.disposables.dispose();
  }

  private async rescanIfFolder(uri: vscode.Uri): Promise<void> {
    if (/\/(\.git|\.dvc|node_modules|\.venv|venv|__pycache__)(\/|$)/.test(uri.path)) return;
    try {
      if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory)
        this.structureChanges.add(uri.toString());
    } catch {
      // Gone again already: nothing to scan.
    }
  }

  private async refreshChanged(keys: ReadonlySet<string>): Promise<void> {
    const uris = [...keys].map((key) => vscode.Uri.parse(key));
    await Promise.all(
      this.repositories.map(async (repository) => {
        const relevant = uris.filter((uri) => repository.isAffectedBy(uri));
        if (relevant.length > 0) await repository.refresh(relevant);
      }),
    );
  }
}
