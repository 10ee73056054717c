/**
 * The hub's ONE reader of `dvc exp show` per repository, shared by every view that asks (the Experiments view
 * and table, History, param blame, the metrics baseline, Compare's rows). What a commit's row says (its
 * params, metrics and experiments) belongs to the commit: answers are kept until git's refs (branches, tags,
 * HEAD, `refs/exps`) or DVC's experiment queue change, and a question about commits an answer already holds
 * is served from it without DVC. Reads of HEAD's branch are coalesced (src/core/reads/coalescedRead.ts): a
 * started read is never cancelled; asks that come meanwhile wait for one follow-up read that covers them all.
 */
import { stat } from 'node:fs/promises';
import { CoalescedRead } from '../core/reads/coalescedRead';
import type { ExperimentsModel } from '../core/experiments/experimentModel';
import { DisposableStore } from '../lifecycle/disposableStore';
import { readCancelledError } from '../repository/processes';
import type { Repository } from '../repository/repository';
import type { RelativeFileEvent } from '../repository/repositoryFileEvents';
import { defineSlice, type RepositorySlice } from '../repository/repositorySlice';
import { changesCommitResults } from './experimentsReadTriggers';
import type { ExperimentsQuery } from './experimentsService';

/** Runs `dvc exp show` for a query (the service's own read, with the hub's current DVC). */
export type ExpShowRead = (query: ExperimentsQuery, signal: AbortSignal) => Promise<ExperimentsModel>;

interface HeadAnswer {
  /** `--num` of the read: how many commits of HEAD's branch it asked for. */
  readonly commits: number;
  readonly model: ExperimentsModel;
  readonly generation: number;
}

/**
 * A read of HEAD's branch asked while a DVC write runs (`dvc exp run` from the view) waits for it to end at
 * most this long: a short run is read once, after it, with everything it made; a long one still shows as
 * running (and is polled) after this.
 */
const WRITE_WAIT_LIMIT_MS = 15_000;
/** A DVC write that ended this recently is taken for the change a command's refresh is about. */
const COMMAND_WRITE_MS = 10_000;

/** Keyed answers kept at most (other branches, pages of older commits, single commits). */
const KEYED_LIMIT = 64;
/** How far a file's modification time may lag our clock (file systems store coarse times). */
const CLOCK_SLACK_MS = 50;

export const expShowReadsKey = defineSlice('expShowReads', (repository) => new ExpShowReads(repository));

export class ExpShowReads implements RepositorySlice {
  private readonly disposables = new DisposableStore();
  private readonly headReads: CoalescedRead<number, HeadAnswer>;
  private latest: HeadAnswer | undefined;
  private readonly keyed = new Map<string, { generation: number; answer: Promise<ExperimentsModel> }>();
  /** Views that will want this many commits of HEAD's branch (History's page): every read asks for them too. */
  private readonly standing = new Map<string, number>();
  private reader: ExpShowRead | undefined;
  /** When the oldest read whose answer is kept (or in flight) started; Infinity when nothing is kept. */
  private keptSince = Number.POSITIVE_INFINITY;
  private checks: Promise<void> = Promise.resolve();
  private readonly keyedController = new AbortController();

  constructor(private readonly repository: Repository) {
    this.headReads = new CoalescedRead<number, HeadAnswer>(
      (commits, signal) => this.readHead(commits, signal),
      { merge: (a, b) => Math.max(a, b), covers: (have, want) => have >= want },
      {
        beforeRead: () => repository.scheduler.whenWritesIdle(WRITE_WAIT_LIMIT_MS),
        lastWriteEndedAt: () => repository.scheduler.lastWriteEndedAt,
      },
    );
    this.disposables.register(
      repository.onFiles(changesCommitResults, (events) => {
        // A change that cannot be judged drops what is kept (the safe side).
        this.checks = this.checks.then(() => this.refsChanged(events)).catch(() => this.invalidate());
      }),
    );
  }

  /** Resolves once the file changes heard so far were judged (kept answers dropped or not). */
  afterChanges(): Promise<void> {
    return this.checks;
  }

  /** The newest answer about HEAD's branch, current or not (for a first paint while DVC is asked again). */
  get lastHeadModel(): ExperimentsModel | undefined {
    return this.latest?.model;
  }

  /** How many `exp show` reads of HEAD's branch ran (tests count them). */
  get headReadCount(): number {
    return this.headReads.readCount;
  }

  /**
   * A command ran (and its refresh asks for a fresh answer): its change is as old as the DVC write it just
   * ran, when it ran one; a read that started after that write ended sees it already (the read that waited
   * for `dvc exp run` to end answers the command's own refresh too). Otherwise the change is now.
   */
  afterCommand(): void {
    const writeEnded = this.repository.scheduler.lastWriteEndedAt;
    const now = Date.now();
    const recentWrite = writeEnded !== undefined && now - writeEnded <= COMMAND_WRITE_MS;
    // Answers about other revisions (Compare's) are cheap to ask again: they go either way.
    this.keyed.clear();
    if (this.headReads.noteChange(recentWrite ? writeEnded : now, 0)) this.dropKept();
  }

  /** Refs or the experiment queue changed (or a command says so): kept answers no longer count. */
  invalidate(): void {
    this.headReads.invalidate();
    this.dropKept();
  }

  private dropKept(): void {
    this.keyed.clear();
    this.keptSince = Number.POSITIVE_INFINITY;
  }

  /** `who` will ask for `commits` of HEAD's branch (undefined: no longer): reads ask for them at once. */
  setStandingNeed(who: string, commits: number | undefined): void {
    if (commits === undefined) this.standing.delete(who);
    else this.standing.set(who, commits);
  }

  /**
   * `dvc exp show` for `query`, from a kept answer when one covers it, else from a shared read. `signal` only
   * stops this caller waiting: the read itself runs on for the others (and for the next ask).
   */
  show(query: ExperimentsQuery, read: ExpShowRead, signal?: AbortSignal): Promise<ExperimentsModel> {
    this.reader = read;
    const served = this.fromKept(query);
    if (served) return Promise.resolve(served);
    const head = headCount(query);
    const answer =
      head !== undefined
        ? this.headReads.ask(Math.max(head, ...this.standing.values())).then((got) => trim(got.model, head))
        : this.keyedRead(query);
    return detachable(answer, signal, query);
  }

  dispose(): void {
    this.headReads.dispose();
    this.keyedController.abort();
    this.disposables.dispose();
  }

  /**
   * The watcher tells of a change late (after the command that made it, and after the read the command asked
   * for began): a ref written before the oldest kept read started is in every kept answer already.
   */
  private async refsChanged(events: readonly RelativeFileEvent[]): Promise<void> {
    const since = this.keptSince;
    if (since === Number.POSITIVE_INFINITY) return;
    const times = await Promise.all(
      events.map((event) =>
        event.kind === 'deleted'
          ? // DVC clears its temporaries as a run ends (the run's ref, written then, has a time); any other
            // deleted ref (an experiment removed) has none: it always counts.
            Promise.resolve(
              isDvcTemporary(event.relativePath) ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
            )
          : stat(event.uri.fsPath).then(
              (stats) => stats.mtimeMs,
              () => Number.POSITIVE_INFINITY,
            ),
      ),
    );
    // Deletions carry no time; a file's clock and ours may differ by a tick.
    // A ref the DVC write wrote just before it ended is in a read that waited for that end.
    const writeEnded = this.repository.scheduler.lastWriteEndedAt;
    const seen = (time: number): boolean =>
      time < since - CLOCK_SLACK_MS ||
      (writeEnded !== undefined && time <= writeEnded && writeEnded <= since);
    if (!times.every(seen)) this.invalidate();
  }

  private noteReadStart(): void {
    this.keptSince = Math.min(this.keptSince, Date.now());
  }

  private async readHead(commits: number, signal: AbortSignal): Promise<HeadAnswer> {
    const generation = this.headReads.currentGeneration;
    this.noteReadStart();
    const read = this.reader;
    if (!read) throw new Error('DVC is not available');
    // `--rev HEAD -n N`: HEAD's first-parent chain, as History has always asked it (and its log says).
    const model = await read({ revs: ['HEAD'], commits }, signal);
    const answer = { commits, model, generation };
    // An older read ending after a newer one must not replace it.
    if (!this.latest || this.latest.generation <= generation) this.latest = answer;
    return answer;
  }

  /** A kept answer that holds the commits asked for, when it is still current. */
  private fromKept(query: ExperimentsQuery): ExperimentsModel | undefined {
    const latest = this.latest;
    if (!latest || latest.generation !== this.headReads.currentGeneration || query.allCommits)
      return undefined;
    const head = headCount(query);
    if (head !== undefined) return latest.commits >= head ? trim(latest.model, head) : undefined;
    const [rev, ...others] = query.revs ?? [];
    if (!rev || others.length > 0) return undefined;
    const count = Math.max(1, query.commits ?? 1);
    const index = latest.model.commits.findIndex((row) => row.rev === rev);
    if (index < 0) return undefined;
    // The answer holds the commit and the `count - 1` before it, or the branch ends within what it asked.
    const holds =
      index + count <= latest.model.commits.length || latest.model.commits.length < latest.commits;
    if (!holds) return undefined;
    return { workspace: latest.model.workspace, commits: latest.model.commits.slice(index, index + count) };
  }

  private keyedRead(query: ExperimentsQuery): Promise<ExperimentsModel> {
    const key = JSON.stringify([query.revs ?? [], query.commits ?? 1, query.allCommits ?? false]);
    const generation = this.headReads.currentGeneration;
    const kept = this.keyed.get(key);
    if (kept && kept.generation === generation) return kept.answer;
    const read = this.reader;
    if (!read) return Promise.reject(new Error('DVC is not available'));
    this.noteReadStart();
    const answer = read(query, this.keyedController.signal);
    if (this.keyed.size >= KEYED_LIMIT) this.keyed.clear();
    this.keyed.set(key, { generation, answer });
    // A failure is not kept: the next ask tries again.
    answer.catch(() => {
      if (this.keyed.get(key)?.answer === answer) this.keyed.delete(key);
    });
    return answer;
  }
}

/**
 * What DVC makes for the length of a run and deletes at its end: its temp files, and the execution refs of a
 * workspace run (`refs/exps/exec/EXEC_BASELINE`…). Their deletion tells nothing the run's own ref does not.
 */
function isDvcTemporary(path: string): boolean {
  return path.startsWith('.dvc/tmp/') || path.startsWith('.git/refs/exps/exec/');
}

/** How many commits of HEAD's branch a query asks for, or undefined when it asks about other revisions. */
function headCount(query: ExperimentsQuery): number | undefined {
  if (query.allCommits) return undefined;
  const revs = query.revs ?? [];
  if (revs.length === 0 || (revs.length === 1 && revs[0] === 'HEAD')) return Math.max(1, query.commits ?? 1);
  return undefined;
}

/** The first `count` commits of a model (the workspace kept). */
function trim(model: ExperimentsModel, count: number): ExperimentsModel {
  return model.commits.length <= count ? model : { ...model, commits: model.commits.slice(0, count) };
}

/** The answer, or "cancelled" for this caller alone when its signal fires first. */
function detachable(
  answer: Promise<ExperimentsModel>,
  signal: AbortSignal | undefined,
  query: ExperimentsQuery,
): Promise<ExperimentsModel> {
  if (!signal) return answer;
  const what = `dvc exp show ${JSON.stringify(query)}`;
  if (signal.aborted) return Promise.reject(readCancelledError(what));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(readCancelledError(what));
    signal.addEventListener('abort', onAbort, { once: true });
    answer.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
