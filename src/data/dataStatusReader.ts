/**
 * One repository's `dvc data status`, for the Data view and the decorations (part of the data slice). Reads
 * are coalesced: a newer trigger waits for the read running and shares one follow-up; a failure keeps the
 * last good status and remembers DVC's sentence. Nothing runs in Restricted Mode or before DVC is located.
 *
 * One change, one read (issue 13): a trigger says when its change was made (`changedAt`); a read that started
 * after it already sees it, and a trigger that changed nothing (DVC found, trust granted) is answered by the
 * read running or the last answer. A read asked while a DVC write runs (`dvc exp run`, a pull) waits for it
 * to end, so that the write's own file events fold into that one read.
 */
import { isCancellation } from '../repository/processes';
import { CoalescedRead } from '../core/reads/coalescedRead';
import { DataStatusIndex } from '../core/data/dataStatusIndex';
import { dataCheckRemoteSetting } from '../config/dataSettings';
import type { Repository } from '../repository/repository';
import { DataService } from './dataService';
import { dvcErrorText } from './dvcErrorText';

/** How a read ended: `noDvc` covers Restricted Mode and DVC not (yet) found. */
export type StatusReadOutcome = 'updated' | 'failed' | 'cancelled' | 'noDvc';

/** What asks for a status read. */
export interface StatusReadRequest {
  /** Also ask the default remote what it lacks. */
  readonly notInRemote?: boolean;
  /**
   * When what the read must see changed (`Date.now()` time, e.g. the newest modification time of the changed
   * files); absent: now (after a command). `Number.NEGATIVE_INFINITY`: nothing changed (DVC was found).
   */
  readonly changedAt?: number;
}

/** A read waits at most this long for a DVC write to end before it reads anyway. */
const WRITE_WAIT_LIMIT_MS = 120_000;

/** A DataService for the repository, when trusted and DVC is located. */
export function dataServiceOf(repository: Repository): DataService | undefined {
  const cli = repository.dvcIfReady;
  return cli ? new DataService(cli, repository.scheduler, repository.git) : undefined;
}

interface StatusAnswer {
  readonly status: Awaited<ReturnType<DataService['status']>>;
  readonly notInRemote: boolean;
  /** The reads' generation when this read began: current while no change came since. */
  readonly generation: number;
}

export class DataStatusReader {
  private index: DataStatusIndex | undefined;
  private error: string | undefined;
  /** The last good status asked the remote too. */
  private remoteCheckedLast = false;
  /**
   * One `dvc data status` at a time, never killed part-way: a change while one runs waits for one follow-up
   * read (a burst of changes during `dvc exp run` used to start and kill a read per change).
   */
  private readonly reads = new CoalescedRead<boolean, StatusAnswer>(
    (notInRemote, signal) => this.read(notInRemote, signal),
    // A read that asked the remote answers one that does not need it.
    { merge: (a, b) => a || b, covers: (have, want) => have || !want },
    {
      beforeRead: () => this.repository.scheduler.whenWritesIdle(WRITE_WAIT_LIMIT_MS),
      lastWriteEndedAt: () => this.repository.scheduler.lastWriteEndedAt,
    },
  );
  private waiting = 0;
  /** The last good answer (its generation says whether it is still current). */
  private answer: StatusAnswer | undefined;
  /** The DVC the reads ran with: another one (a new setting) reads again. */
  private readWith: unknown;

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
    return this.waiting > 0;
  }

  /**
   * The last answer while nothing changed since its read began and no read runs (undefined otherwise): what
   * `dvc data status` would say now, without asking it again.
   */
  get currentStatus(): StatusAnswer['status'] | undefined {
    const last = this.answer;
    if (!last || this.error !== undefined || this.reads.inFlight !== undefined) return undefined;
    return last.generation === this.reads.currentGeneration ? last.status : undefined;
  }

  /** Something DVC reads changed at `at` (the cache): the next ask reads again unless a read saw it. */
  noteChange(at: number): void {
    this.reads.noteChange(at);
  }

  /** Whether the status shown includes what the remote lacks. */
  get remoteChecked(): boolean {
    return this.remoteCheckedLast;
  }

  /**
   * Reads after what changed: a read running now is not cancelled, this one follows it unless that read sees
   * the change. Never rejects.
   */
  async refresh(options: StatusReadRequest = {}): Promise<StatusReadOutcome> {
    const cli = this.repository.dvcIfReady;
    if (!cli) return 'noDvc';
    const notInRemote = options.notInRemote === true || dataCheckRemoteSetting();
    if (cli !== this.readWith) this.reads.invalidate();
    this.readWith = cli;
    this.reads.noteChange(options.changedAt ?? Date.now());
    const last = this.answer;
    if (
      last &&
      this.error === undefined &&
      this.reads.inFlight === undefined &&
      last.generation === this.reads.currentGeneration &&
      (last.notInRemote || !notInRemote)
    )
      return 'updated';
    this.waiting++;
    this.changed();
    try {
      const answer = await this.reads.ask(notInRemote);
      this.answer = answer;
      this.index = new DataStatusIndex(answer.status);
      this.error = undefined;
      this.remoteCheckedLast = answer.notInRemote;
      return 'updated';
    } catch (error) {
      if (isCancellation(error)) return 'cancelled';
      this.error = dvcErrorText(error);
      this.repository.log.error('dvc data status failed', error);
      return 'failed';
    } finally {
      this.waiting--;
      this.changed();
    }
  }

  dispose(): void {
    this.reads.dispose();
  }

  private async read(notInRemote: boolean, signal: AbortSignal): Promise<StatusAnswer> {
    const service = dataServiceOf(this.repository);
    if (!service) throw new Error('DVC is not available');
    const generation = this.reads.currentGeneration;
    return { status: await service.status({ notInRemote }, signal), notInRemote, generation };
  }
}
