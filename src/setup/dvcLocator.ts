import * as vscode from 'vscode';
import { dvcPathSetting, pythonPathSetting } from '../config/settings';
import type { DvcExecutable } from '../repository/processes';
import { discoverDvc, type DvcDiscoveryResult } from '../repository/processes';
import type { ProcessRunner } from '../repository/processes';
import type { OutputLog } from '../log/outputLog';
import type { RepositoryFileEvent } from '../repository/repositoryFileEvents';
import { describeDiscovery } from './discoveryDescription';
import { probePythonEnvironments } from './pythonEnvironmentProbes';
import { environmentFolderOf, NewEnvironmentWatch } from './newEnvironmentWatch';
import { PYTHON_EXTENSION_ID, pythonEnvironmentsApi } from './pythonExtensionApi';

/** The hub's workspace-wide file events (WorkspaceRepositories.onWorkspaceFiles). */
export type WorkspaceFileEvents = (
  filter: (event: RepositoryFileEvent) => boolean,
  listener: (events: readonly RepositoryFileEvent[]) => void,
) => vscode.Disposable;

/**
 * A new environment's DVC, or a new environment at all: worth looking again (pip writes bin/dvc last). The
 * watcher may report only a new folder, not the files made inside it at once: `.venv`, `venv`, `bin` and
 * `Scripts` folders count too.
 */
const newEnvironmentFile = /\/(bin\/dvc|Scripts\/dvc\.exe|pyvenv\.cfg|\.venv|venv|bin|Scripts)$/;
/** pip writes many files in a burst: one search after it settles. */
const NEW_ENVIRONMENT_DELAY_MS = 1500;

/**
 * Knows which DVC the extension uses. It looks once at start-up (trusted workspaces only) and again when the
 * settings or the workspace folders change or after an install, and never nags: a missing DVC shows in the
 * status bar and the welcome view, not as a toast on every refresh.
 */
export class DvcLocator implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DvcExecutable | undefined>();
  readonly onDidChange = this.changed.event;
  private current: DvcDiscoveryResult | undefined;
  private generation = 0;
  private inFlight: Promise<DvcExecutable | undefined> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private relocateTimer: NodeJS.Timeout | undefined;
  private followsPython = false;
  /** New venvs whose DVC may come later than the watcher can tell. */
  private readonly newEnvironments = new NewEnvironmentWatch(() => this.relocateSoon());

  constructor(
    private readonly runner: ProcessRunner,
    private readonly log: OutputLog,
  ) {}

  get executable(): DvcExecutable | undefined {
    return this.current?.chosen;
  }

  get discovery(): DvcDiscoveryResult | undefined {
    return this.current;
  }

  /** A search finished and none runs now: `executable` is the answer, not "not yet". */
  get searched(): boolean {
    return this.current !== undefined && this.inFlight === undefined;
  }

  /** The DVC to use, waiting for a search in progress (or starting one) when none is known yet. */
  async ready(): Promise<DvcExecutable | undefined> {
    if (this.current?.chosen) return this.current.chosen;
    return this.inFlight ?? this.locate();
  }

  locate(): Promise<DvcExecutable | undefined> {
    const search = this.search();
    this.inFlight = search;
    const clear = (): void => {
      if (this.inFlight === search) this.inFlight = undefined;
    };
    search.then(clear, clear);
    return search;
  }

  private async search(): Promise<DvcExecutable | undefined> {
    const generation = ++this.generation;
    const folderUris = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri);
    const folders = folderUris.map((uri) => uri.fsPath);
    const notes: string[] = [];
    const discovery = await discoverDvc({
      dvcPath: dvcPathSetting(),
      pythonPath: pythonPathSetting(),
      workspaceFolders: folders,
      runner: this.runner,
      pythonEnvironments: () =>
        probePythonEnvironments({
          runner: this.runner,
          folders,
          folderUris,
          env: process.env,
          note: (line) => notes.push(line),
        }),
    });
    if (generation !== this.generation) return this.current?.chosen;
    this.current = discovery;
    for (const note of notes) this.log.append(`DVC discovery: ${note}`);
    // The probe may have activated the Python extension: follow its interpreter from now on.
    this.followPythonExtension();
    for (const line of describeDiscovery(discovery)) this.log.append(line);
    await vscode.commands.executeCommand('setContext', 'dvcLens.dvcMissing', !discovery.chosen);
    this.changed.fire(discovery.chosen);
    return discovery.chosen;
  }

  /**
   * Looks again, without a reload, when an environment appears in the workspace (a venv made in a terminal,
   * DVC installed into it) or the Python extension's selected interpreter changes.
   */
  watchEnvironments(workspaceFiles: WorkspaceFileEvents): void {
    this.disposables.push(
      workspaceFiles(
        (event) => event.kind !== 'deleted' && newEnvironmentFile.test(event.uri.path),
        (events) => {
          this.relocateSoon();
          for (const event of events) {
            const folder = environmentFolderOf(event.uri.path);
            if (folder) this.newEnvironments.watch(event.uri.with({ path: folder }).fsPath);
          }
        },
      ),
    );
    this.followPythonExtension();
  }

  /** Once the Python extension is active (never activated by this alone): its interpreter changes count. */
  private followPythonExtension(): void {
    if (this.followsPython || !vscode.extensions.getExtension(PYTHON_EXTENSION_ID)?.isActive) return;
    this.followsPython = true;
    void pythonEnvironmentsApi().then((api) => {
      if (api) this.disposables.push(api.onDidChangeActiveEnvironmentPath(() => this.relocateSoon()));
    });
  }

  private relocateSoon(): void {
    if (this.relocateTimer) clearTimeout(this.relocateTimer);
    this.relocateTimer = setTimeout(() => {
      this.relocateTimer = undefined;
      void this.locate();
    }, NEW_ENVIRONMENT_DELAY_MS);
  }

  dispose(): void {
    if (this.relocateTimer) clearTimeout(this.relocateTimer);
    this.newEnvironments.dispose();
    for (const disposable of this.disposables) disposable.dispose();
    this.changed.dispose();
  }
}
