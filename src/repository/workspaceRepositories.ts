import * as vscode from 'vscode';
import { pipelineRefreshDelayMs } from '../config/settings';
import { Debouncer } from '../lifecycle/debouncer';
import { DisposableStore } from '../lifecycle/disposableStore';
import type { OutputLog } from '../log/outputLog';
import { Repository } from './repository';
import { scanWorkspaceFolder } from './workspaceScan';

/**
 * All repositories of the workspace, one per DVC root, kept up to date from file events: a created or
 * deleted dvc.yaml or .dvc folder rescans; any other change re-reads only the pipelines that depend on it.
 * Reading files is all it does, so it works the same in Restricted Mode.
 */
export class WorkspaceRepositories implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changed = this.disposables.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  private readonly repositoriesByRoot = new Map<string, Repository>();
  private loaded = false;
  private scanGeneration = 0;
  private readonly contentChanges: Debouncer<string>;
  private readonly structureChanges: Debouncer<string>;

  constructor(private readonly log: OutputLog) {
    this.contentChanges = this.disposables.register(
      new Debouncer(pipelineRefreshDelayMs, (uris) => void this.refreshChanged(uris)),
    );
    this.structureChanges = this.disposables.register(
      new Debouncer(pipelineRefreshDelayMs, () => void this.rescan()),
    );
    const structure = this.disposables.register(
      vscode.workspace.createFileSystemWatcher('**/{dvc.yaml,.dvc,.dvc/config}', false, true, false),
    );
    this.disposables.register(structure.onDidCreate((uri) => this.structureChanges.add(uri.toString())));
    this.disposables.register(structure.onDidDelete((uri) => this.structureChanges.add(uri.toString())));
    // Params files may have any name; the repositories know which ones they read and ignore the rest.
    const content = this.disposables.register(
      vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,json,toml,py}'),
    );
    const onContent = (uri: vscode.Uri): void => this.contentChanges.add(uri.toString());
    this.disposables.register(content.onDidChange(onContent));
    this.disposables.register(content.onDidCreate(onContent));
    this.disposables.register(content.onDidDelete(onContent));
    // Creating or deleting a folder may report only the folder, not the dvc.yaml files inside it.
    const folders = this.disposables.register(
      vscode.workspace.createFileSystemWatcher('**/*', false, true, false),
    );
    this.disposables.register(
      folders.onDidDelete((uri) => {
        if (this.repositories.some((repository) => repository.hasPipelineFileUnder(uri))) {
          this.structureChanges.add(uri.toString());
        }
      }),
    );
    this.disposables.register(folders.onDidCreate((uri) => void this.rescanIfFolder(uri)));
    this.disposables.register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()));
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
            repository = new Repository(scan);
            this.repositoriesByRoot.set(key, repository);
            repository.onDidChange(() => this.changed.fire());
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
