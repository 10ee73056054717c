import * as vscode from 'vscode';
import type { DvcCli } from '../cli/dvcCli';
import type { DvcExecutable } from '../cli/dvcExecutable';
import type { GitCli } from '../cli/gitCli';
import type { RepositoryScheduler } from '../cli/repositoryScheduler';
import { processTimeoutMs } from '../config/settings';
import type { Pipeline } from '../core/pipeline/model';
import type { OutputLog } from '../log/outputLog';
import { isTrusted } from '../trust/workspaceTrust';
import { dvcForFolder, gitForFolder } from './folderClis';
import { readPipeline } from './pipelineReader';
import {
  RepositoryFileEvents,
  type FileEventFilter,
  type FileEventListener,
  type RepositoryFileEvent,
} from './repositoryFileEvents';
import type { RepositorySchedulers } from './repositorySchedulers';
import type { RepositorySlice, SliceChange, SliceKey } from './repositorySlice';
import type { RootScan } from './workspaceScan';

/** Where the hub learns which DVC to run (the DvcLocator in the extension; a fixed one in tests). */
export interface DvcExecutableSource {
  /** The last DVC found, without waiting; `undefined` before a search finished or when none was found. */
  readonly executable: DvcExecutable | undefined;
  /** The DVC to use, waiting for a search in progress. */
  ready(): Promise<DvcExecutable | undefined>;
  /** A search finished and none is running (absent: unknown, taken as not finished). */
  readonly searched?: boolean;
}

/** What every repository shares: built once by the composition root and handed to the hub. */
export interface RepositoryServices {
  readonly log: OutputLog;
  readonly schedulers: RepositorySchedulers;
  readonly dvcExecutable: DvcExecutableSource;
}

/**
 * THE hub of one DVC root. It owns the root's tools (its DVC and git CLIs, its scheduler, the trust gate),
 * the filtered subscriptions to the workspace's one file watcher, the pipelines read from files, and the
 * state slices concepts register (experiments, data status, stage status, history, plots). Concepts keep
 * their slice and views; they keep no per-root state or watcher of their own and build no CLI themselves.
 */
export class Repository implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Repository>();
  /** The pipelines changed (a dvc.yaml or a params file it reads was re-read). */
  readonly onDidChange = this.changed.event;
  private readonly sliceChanged = new vscode.EventEmitter<SliceChange>();
  /** A slice said its state changed (the workspace re-fires it for the concepts' workspace-level faces). */
  readonly onDidChangeSlice = this.sliceChanged.event;
  private readonly cacheFilled = new vscode.EventEmitter<void>();
  /**
   * Data came into DVC's cache (a pull or fetch ended, failed or not): what was read from the cache before,
   * such as a commit's metrics DVC could not read without their data, may have values now.
   */
  readonly onDidFillCache = this.cacheFilled.event;
  private lastCacheFilledAt: number | undefined;
  private readonly fileEvents: RepositoryFileEvents;
  private readonly slices = new Map<string, RepositorySlice>();
  private dvcCli: { readonly executable: DvcExecutable; readonly cli: DvcCli } | undefined;
  private gitCli: GitCli | undefined;
  private disposed = false;

  private pipelineFiles: readonly vscode.Uri[];
  private pipelinesByFile = new Map<string, Pipeline>();
  /** Every file (dvc.yaml or params) whose change alters a pipeline, mapped to the dvc.yaml files it feeds. */
  private dependents = new Map<string, Set<string>>();
  private generation = 0;

  constructor(
    private scan: RootScan,
    private readonly services: RepositoryServices,
  ) {
    this.pipelineFiles = scan.pipelineFiles;
    this.fileEvents = new RepositoryFileEvents(scan.root);
  }

  /** The repository's one queue: DVC writes wait behind each other here, never on DVC's lock. */
  get scheduler(): RepositoryScheduler {
    return this.services.schedulers.for(this.root.fsPath);
  }

  /** Restricted Mode refuses: in an untrusted workspace the hub hands out no DVC and commands run nothing. */
  get isTrusted(): boolean {
    return isTrusted();
  }

  /** The repository's git, logging to the Output channel. */
  get git(): GitCli {
    this.gitCli ??= gitForFolder(this.cliServices, this.root.fsPath);
    return this.gitCli;
  }

  /** The Output channel: slices log their failures there. */
  get log(): OutputLog {
    return this.services.log;
  }

  /** DVC for this repository, once known, without waiting; `undefined` when untrusted or not (yet) found. */
  get dvcIfReady(): DvcCli | undefined {
    const executable = this.services.dvcExecutable.executable;
    return executable && this.isTrusted ? this.dvcFor(executable) : undefined;
  }

  /** DVC was looked for and not found (trusted workspace): views say so with a way out instead of waiting. */
  get dvcNotFound(): boolean {
    const source = this.services.dvcExecutable;
    return this.isTrusted && source.searched === true && source.executable === undefined;
  }

  /** DVC for this repository, waiting for the search; `undefined` when untrusted or DVC was not found. */
  async dvc(): Promise<DvcCli | undefined> {
    if (!this.isTrusted) return undefined;
    const executable = await this.services.dvcExecutable.ready();
    return executable ? this.dvcFor(executable) : undefined;
  }

  /**
   * Hears the files under this repository that `filter` keeps (paths relative to the root), in the batches
   * the workspace's one watcher delivers. Dispose the subscription to stop.
   */
  onFiles(filter: FileEventFilter, listener: FileEventListener): vscode.Disposable {
    return this.fileEvents.subscribe(filter, listener);
  }

  /** Whether `uri` lies under this repository's root. */
  contains(uri: vscode.Uri): boolean {
    return this.fileEvents.contains(uri);
  }

  /** Called by the workspace with the events that belong to this repository (the deepest root wins). */
  dispatchFileEvents(events: readonly RepositoryFileEvent[]): void {
    if (!this.disposed) this.fileEvents.dispatch(events);
  }

  /** The concept's state for this repository: made on first use, one per key, disposed with the repository. */
  slice<T extends RepositorySlice>(key: SliceKey<T>): T {
    if (this.disposed) throw new Error(`The repository at ${this.root.fsPath} was closed`);
    let slice = this.slices.get(key.name) as T | undefined;
    if (!slice) {
      slice = key.create(this);
      this.slices.set(key.name, slice);
      // The slice disposes its emitter with itself, which ends this subscription too.
      slice.onDidChange?.(() => this.sliceChanged.fire({ repository: this, name: key.name }));
    }
    return slice;
  }

  /** The slice when it exists already, without making one (for views that only read what is there). */
  existingSlice<T extends RepositorySlice>(key: SliceKey<T>): T | undefined {
    return this.slices.get(key.name) as T | undefined;
  }

  /** Re-reads the named slices that exist (all of them without names). Never rejects. */
  async refreshSlices(names?: readonly string[]): Promise<void> {
    const targets = [...this.slices].filter(([name]) => !names || names.includes(name));
    await Promise.all(
      targets.map(async ([, slice]) => {
        try {
          await slice.refresh?.();
        } catch {
          // A slice reports its own failures (its view shows the error); the others still refresh.
        }
      }),
    );
  }

  get root(): vscode.Uri {
    return this.scan.root;
  }

  get workspaceFolder(): vscode.WorkspaceFolder {
    return this.scan.workspaceFolder;
  }

  get isDvcRepository(): boolean {
    return this.scan.isDvcRepository;
  }

  /** The pipelines in a stable order (by dvc.yaml path). */
  get pipelines(): readonly Pipeline[] {
    return this.pipelineFiles.flatMap((uri) => this.pipelinesByFile.get(uri.toString()) ?? []);
  }

  /** Replaces the set of dvc.yaml files after a rescan and re-reads all of them. */
  async update(scan: RootScan): Promise<void> {
    this.scan = scan;
    this.pipelineFiles = scan.pipelineFiles;
    this.dependents = new Map();
    await this.reload(this.pipelineFiles);
  }

  /** Whether `uri` is one of the dvc.yaml files or a folder holding one (for folder deletions). */
  hasPipelineFileUnder(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return this.pipelineFiles.some(
      (file) => file.toString() === key || file.toString().startsWith(`${key}/`),
    );
  }

  /** Whether a change to this file can change one of the pipelines. */
  isAffectedBy(uri: vscode.Uri): boolean {
    return this.dependents.has(uri.toString());
  }

  /** Re-reads the pipelines that depend on the changed files (all of them when called without files). */
  async refresh(changed?: Iterable<vscode.Uri>): Promise<void> {
    if (!changed) return this.reload(this.pipelineFiles);
    const targets = new Set<string>();
    for (const uri of changed)
      for (const file of this.dependents.get(uri.toString()) ?? []) targets.add(file);
    return this.reload(this.pipelineFiles.filter((uri) => targets.has(uri.toString())));
  }

  /** When data was last said to come into DVC's cache (ms since the epoch), if ever. */
  get cacheFilledAt(): number | undefined {
    return this.lastCacheFilledAt;
  }

  /** Says that data came into DVC's cache (see onDidFillCache). */
  noteCacheFilled(): void {
    if (this.disposed) return;
    this.lastCacheFilledAt = Date.now();
    this.cacheFilled.fire();
  }

  dispose(): void {
    this.disposed = true;
    for (const slice of this.slices.values()) slice.dispose();
    this.slices.clear();
    this.fileEvents.dispose();
    this.changed.dispose();
    this.sliceChanged.dispose();
    this.cacheFilled.dispose();
  }

  /** The shared services plus `dvcLens.processTimeout`, read on every call so a changed setting counts at once. */
  private get cliServices(): RepositoryServices & { readonly readTimeoutMs: () => number } {
    return { ...this.services, readTimeoutMs: processTimeoutMs };
  }

  private dvcFor(executable: DvcExecutable): DvcCli {
    if (this.dvcCli?.executable !== executable)
      this.dvcCli = { executable, cli: dvcForFolder(this.cliServices, this.root.fsPath, executable) };
    return this.dvcCli.cli;
  }

  private async reload(files: readonly vscode.Uri[]): Promise<void> {
    if (files.length === 0 && this.pipelinesByFile.size === this.pipelineFiles.length) return;
    const generation = ++this.generation;
    // Per file: a read that fails keeps that pipeline as it was; the others still refresh.
    const reads = await Promise.all(
      files.map((file) => readPipeline(this.root, file).catch(() => undefined)),
    );
    // A newer reload started while this one read files: its result wins, this one is dropped.
    if (generation !== this.generation && files.length === this.pipelineFiles.length) return;
    const present = new Set(this.pipelineFiles.map((uri) => uri.toString()));
    for (const key of [...this.pipelinesByFile.keys()])
      if (!present.has(key)) this.pipelinesByFile.delete(key);
    files.forEach((file, index) => {
      const read = reads[index];
      if (read) this.pipelinesByFile.set(file.toString(), read.pipeline);
      for (const source of read?.sourceFiles ?? []) {
        const set = this.dependents.get(source.toString()) ?? new Set<string>();
        set.add(file.toString());
        this.dependents.set(source.toString(), set);
      }
    });
    this.changed.fire(this);
  }
}
