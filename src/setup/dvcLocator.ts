import * as vscode from 'vscode';
import { dvcPathSetting, pythonPathSetting } from '../config/settings';
import type { DvcExecutable } from '../repository/processes';
import { discoverDvc, type DvcDiscoveryResult } from '../repository/processes';
import type { ProcessRunner } from '../repository/processes';
import type { OutputLog } from '../log/outputLog';
import { describeDiscovery } from './discoveryDescription';

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
    const discovery = await discoverDvc({
      dvcPath: dvcPathSetting(),
      pythonPath: pythonPathSetting(),
      workspaceFolders: (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath),
      runner: this.runner,
    });
    if (generation !== this.generation) return this.current?.chosen;
    this.current = discovery;
    for (const line of describeDiscovery(discovery)) this.log.append(line);
    await vscode.commands.executeCommand('setContext', 'dvcLens.dvcMissing', !discovery.chosen);
    this.changed.fire(discovery.chosen);
    return discovery.chosen;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
