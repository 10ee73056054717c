/**
 * One DVC repository's `dvc status`, as a slice of the repository hub, for the tree, the DAG, CodeLens and
 * hovers: any change under the root (caches, metadata and environments aside) refreshes, debounced, and a
 * newer refresh cancels an older one. When only params files changed since DVC's last answer, the files are
 * judged instead (src/repository/paramsOnlyStatus.ts); anything else asks DVC. Without DVC (not found, or
 * Restricted Mode) nothing runs and statuses stay unknown.
 */
import * as vscode from 'vscode';
import type { StageStatus } from '../../core/status/stageStatus';
import { judgeParamsStatusInWorker } from '../../repository/pipelineReader';
import { PipelineStatusService } from '../../repository/pipelineStatusService';
import type { Repository } from '../../repository/repository';
import type { RepositoryFileEvent } from '../../repository/repositoryFileEvents';
import { defineSlice, type RepositorySlice } from '../../repository/repositorySlice';

/** `dvc status` waits at most this long for a DVC write in the lane to end (it would wait there anyway). */
const WRITE_WAIT_LIMIT_MS = 600_000;

/** Changes under these folders never change a stage's status (caches, metadata, environments). */
const ignoredSegments = ['/.git/', '/.dvc/', '/node_modules/', '/.venv/', '/venv/', '/__pycache__/'];

function canChangeStatus(_relative: string, event: RepositoryFileEvent): boolean {
  return !ignoredSegments.some((segment) => event.uri.path.includes(segment));
}

export class StageStatusSlice implements RepositorySlice {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly service: PipelineStatusService;
  private readonly subscriptions: vscode.Disposable[];

  constructor(readonly repository: Repository) {
    this.service = new PipelineStatusService(
      () => repository.dvcIfReady,
      () => repository.pipelines,
      {
        log: (text) => repository.log.append(text),
        judgeParams: judgeParamsStatusInWorker,
        beforeRead: () => repository.scheduler.whenWritesIdle(WRITE_WAIT_LIMIT_MS),
        lastWriteEndedAt: () => repository.scheduler.lastWriteEndedAt,
      },
    );
    this.subscriptions = [
      this.service.onDidChange(() => this.changed.fire()),
      repository.onFiles(canChangeStatus, (events) => {
        this.service.noteChangedFiles(events.map((event) => event.relativePath));
        this.service.scheduleRefresh();
      }),
    ];
  }

  statusOf(stage: string): StageStatus | undefined {
    return this.service.statusOf(stage);
  }

  get isRefreshing(): boolean {
    return this.service.isRefreshing;
  }

  get lastError(): string | undefined {
    return this.service.lastError;
  }

  /** Why the stages were asked one batch at a time (the whole-project read failed), in one line. */
  get stageByStageNote(): string | undefined {
    return this.service.stageByStageNote;
  }

  /**
   * Refreshes after the quiet period; a burst of calls makes one. From the files when only params changed
   * since DVC's last answer, unless `askDvc` (a run ended, DVC was found, the person asked).
   */
  scheduleRefresh(options: { readonly askDvc?: boolean } = {}): void {
    this.service.scheduleRefresh(options);
  }

  /** Asks DVC now. Never rejects. */
  async refresh(): Promise<void> {
    await this.service.refresh();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.service.dispose();
    this.changed.dispose();
  }
}

/** `dvc status` of a repository; `refreshSlices(['stageStatus'])` asks DVC again. */
export const stageStatusSlice = defineSlice('stageStatus', (repository) => new StageStatusSlice(repository));
