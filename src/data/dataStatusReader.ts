/**
 * One repository's `dvc data status`, for the Data view and the decorations (part of the data slice). A newer
 * read cancels the older one (ours, and the `data-status` slot in the scheduler); a failure keeps the last
 * good status and remembers DVC's sentence. Nothing runs in Restricted Mode or before DVC is located.
 */
import { isCancellation } from '../repository/processes';
import { DataStatusIndex } from '../core/data/dataStatusIndex';
import { dataCheckRemoteSetting } from '../config/dataSettings';
import type { Repository } from '../repository/repository';
import { DataService } from './dataService';
import { dvcErrorText } from './dvcErrorText';

/** How a read ended: `noDvc` covers Restricted Mode and DVC not (yet) found. */
export type StatusReadOutcome = 'updated' | 'failed' | 'cancelled' | 'noDvc';

/** A DataService for the repository, when trusted and DVC is located. */
export function dataServiceOf(repository: Repository): DataService | undefined {
  const cli = repository.dvcIfReady;
  return cli ? new DataService(cli, repository.scheduler, repository.git) : undefined;
}

export class DataStatusReader {
  private index: DataStatusIndex | undefined;
  private error: string | undefined;
  /** The last good status asked the remote too. */
  private remoteCheckedLast = false;
  private current: AbortController | undefined;

  constructor(
    private readonly repository: Repository,
    /** A read started or ended. */
    private readonly changed: () => void,
  ) {}

  get status(): DataStatusIndex | undefined {
    return this.index;
  }

  get statusError(): string | undefined {
    return this.error;
  }

  get isRefreshing(): boolean {
    return this.current !== undefined;
  }

  /** Whether the status shown includes what the remote lacks. */
  get remoteChecked(): boolean {
    return this.remoteCheckedLast;
  }

  /** Reads now, cancelling a read in progress. Never rejects. */
  async refresh(options: { readonly notInRemote?: boolean } = {}): Promise<StatusReadOutcome> {
    const service = dataServiceOf(this.repository);
    if (!service) return 'noDvc';
    const controller = new AbortController();
    this.current?.abort();
    this.current = controller;
    this.changed();
    const notInRemote = options.notInRemote === true || dataCheckRemoteSetting();
    try {
      const status = await service.status({ notInRemote }, controller.signal);
      if (controller.signal.aborted) return 'cancelled';
      this.index = new DataStatusIndex(status);
      this.error = undefined;
      this.remoteCheckedLast = notInRemote;
      return 'updated';
    } catch (error) {
      if (controller.signal.aborted || isCancellation(error)) return 'cancelled';
      this.error = dvcErrorText(error);
      this.repository.log.error('dvc data status failed', error);
      return 'failed';
    } finally {
      if (this.current === controller) {
        this.current = undefined;
        this.changed();
      }
    }
  }

  dispose(): void {
    this.current?.abort();
  }
}
