import * as vscode from 'vscode';
import { DvcCli } from '../../cli/dvcCli';
import type { StageStatus } from '../../core/status/stageStatus';
import { PipelineStatusService } from '../../repository/pipelineStatusService';
import type { Repository } from '../../repository/repository';
import type { RepositorySchedulers } from '../../repository/repositorySchedulers';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';
import { isInside } from '../../repository/workspaceScan';
import type { DvcLocator } from '../../setup/dvcLocator';
import { DisposableStore } from '../../lifecycle/disposableStore';

/** Changes under these folders never change a stage's status (caches, metadata, environments). */
const ignoredSegments = ['/.git/', '/.dvc/', '/node_modules/', '/.venv/', '/venv/', '/__pycache__/'];

/**
 * `dvc status` per DVC repository, for the tree, the DAG, CodeLens and hovers. One status service per
 * repository; refreshes are debounced and a newer one cancels an older one. Without DVC (not found, or
 * Restricted Mode) nothing runs and statuses stay unknown. Keys are repository root URI strings.
 */
export class StageStatuses implements vscode.Disposable {
  private readonly disposables = new DisposableStore();
  private readonly changed = this.disposables.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly services = new Map<string, { service: PipelineStatusService; repository: Repository }>();

  constructor(
    private readonly repositories: WorkspaceRepositories,
    private readonly schedulers: RepositorySchedulers,
    private readonly locator: DvcLocator,
  ) {
    this.disposables.register(repositories.onDidChange(() => this.sync()));
    this.disposables.register(locator.onDidChange(() => this.refreshAll()));
    const watcher = this.disposables.register(vscode.workspace.createFileSystemWatcher('**/*'));
    const onFile = (uri: vscode.Uri): void => this.fileChanged(uri);
    this.disposables.register(watcher.onDidChange(onFile));
    this.disposables.register(watcher.onDidCreate(onFile));
    this.disposables.register(watcher.onDidDelete(onFile));
  }

  statusOf(root: string, stage: string): StageStatus | undefined {
    return this.services.get(root)?.service.statusOf(stage);
  }

  isRefreshing(root: string): boolean {
    return this.services.get(root)?.service.isRefreshing ?? false;
  }

  lastError(root: string): string | undefined {
    return this.services.get(root)?.service.lastError;
  }

  /** Asks DVC again for every repository (after a run, when DVC was found, on request). */
  refreshAll(): void {
    for (const { service } of this.services.values()) service.scheduleRefresh();
  }

  refresh(root: string): Promise<unknown> {
    return this.services.get(root)?.service.refresh() ?? Promise.resolve();
  }

  dispose(): void {
    for (const { service } of this.services.values()) service.dispose();
    this.services.clear();
    this.disposables.dispose();
  }

  /** One service per DVC repository; a repository whose pipelines were re-read gets a refresh. */
  private sync(): void {
    const present = new Set<string>();
    for (const repository of this.repositories.repositories) {
      if (!repository.isDvcRepository) continue;
      const key = repository.root.toString();
      present.add(key);
      if (!this.services.has(key)) {
        const service = new PipelineStatusService(
          () => this.cliFor(repository),
          () => repository.pipelines,
        );
        service.onDidChange(() => this.changed.fire());
        this.services.set(key, { service, repository });
      }
      this.services.get(key)?.service.scheduleRefresh();
    }
    for (const [key, { service }] of this.services) {
      if (!present.has(key)) {
        service.dispose();
        this.services.delete(key);
      }
    }
  }

  private cliFor(repository: Repository): DvcCli | undefined {
    const executable = this.locator.executable;
    return executable ? new DvcCli(executable, this.schedulers.for(repository.root.fsPath)) : undefined;
  }

  private fileChanged(uri: vscode.Uri): void {
    if (ignoredSegments.some((segment) => uri.path.includes(segment))) return;
    for (const { service, repository } of this.services.values()) {
      if (isInside(uri, repository.root)) service.scheduleRefresh();
    }
  }
}
