/**
 * One expensive read at a time (`dvc exp show`, `plots diff`), never thrown away: a started read runs to its
 * end, and every ask that comes while it runs and wants something newer or wider waits for ONE follow-up read
 * after it, asked for everything they want together. Pure (no VS Code, no processes): the caller hands in the
 * read, how two questions merge and when an answer covers a question.
 *
 * "Newer" is a generation: `invalidate()` says what is on disk changed, so a read started before it cannot
 * answer an ask made after it. The read in flight still finishes and answers those who asked before.
 * `noteChange(at)` says when the change was made (a file's modification time): a read that started after it
 * sees it already, so nothing is invalidated (the watcher tells of a write late, often after the read it
 * caused began). A read may wait before it starts (`beforeRead`, e.g. for a DVC write to end): while it
 * waits it answers every ask it covers, and its start, not its ask, is what `noteChange` compares with.
 */

/** How questions combine: `merge` asks for both; `covers` says an answer to `have` also answers `want`. */
export interface QuestionAlgebra<Q> {
  merge(a: Q, b: Q): Q;
  covers(have: Q, want: Q): boolean;
}

/** A read: `signal` aborts only on disposal (the extension's end), never because a newer ask came. */
export type ReadOf<Q, R> = (question: Q, signal: AbortSignal) => Promise<R>;

/** When reads start and what time it is. */
export interface ReadTiming {
  /** Awaited before each read starts (it never rejects); changes meanwhile are seen by the read. */
  readonly beforeRead?: () => Promise<void>;
  /** The clock `noteChange` times are on (default `Date.now`). */
  readonly now?: () => number;
  /** How far a file's time may lag the clock (default 50 ms). */
  readonly slackMs?: number;
  /**
   * When the last write whose end reads wait for ended: a change made by then is seen by a read that began
   * after it, slack or not (the write's last files are written just before it ends).
   */
  readonly lastWriteEndedAt?: () => number | undefined;
}

interface Flight<Q, R> {
  readonly question: Q;
  /** Undefined while the read waits to start: it will see every change made until then. */
  generation: number | undefined;
  readonly answer: Promise<R>;
}

interface FollowUp<Q, R> {
  question: Q;
  readonly answer: Promise<R>;
  readonly resolve: (value: R) => void;
  readonly reject: (error: unknown) => void;
}

export class CoalescedRead<Q, R> {
  private generation = 0;
  private running: Flight<Q, R> | undefined;
  private followUp: FollowUp<Q, R> | undefined;
  private readonly disposal = new AbortController();
  private started = 0;
  /** When the newest read that began reading began (its wait before aside). */
  private lastStartedAt: number | undefined;

  constructor(
    private readonly read: ReadOf<Q, R>,
    private readonly algebra: QuestionAlgebra<Q>,
    private readonly timing: ReadTiming = {},
  ) {}

  /** How many reads were started (tests and the log count them). */
  get readCount(): number {
    return this.started;
  }

  /** The question of the read in flight, if any. */
  get inFlight(): Q | undefined {
    return this.running?.question;
  }

  /** What is on disk changed: asks from now on are not answered by reads started before. */
  invalidate(): void {
    this.generation++;
  }

  /**
   * Something on disk changed at `at` (the clock of `ReadTiming.now`): invalidates unless the newest read
   * started after it, and so sees it. `slackMs`: how coarse `at` is (0 for a time taken on the same clock,
   * such as a process's end). Says whether it invalidated.
   */
  noteChange(at: number, slackMs = this.timing.slackMs ?? 50): boolean {
    const started = this.lastStartedAt;
    if (started !== undefined) {
      if (at <= started - slackMs) return false;
      const writeEnded = this.timing.lastWriteEndedAt?.();
      if (writeEnded !== undefined && at <= writeEnded && writeEnded <= started) return false;
    }
    this.invalidate();
    return true;
  }

  /** The current generation, for callers that keep answers (an answer is current while it is unchanged). */
  get currentGeneration(): number {
    return this.generation;
  }

  /**
   * An answer to `question`: the read in flight when it started after the last change and covers it, else
   * the one follow-up read after it (merged with every other ask meanwhile), else a read now.
   */
  ask(question: Q): Promise<R> {
    if (this.disposal.signal.aborted) return Promise.reject(new Error('The read was disposed'));
    const running = this.running;
    if (!running) return this.start(question).answer;
    const current = running.generation === undefined || running.generation === this.generation;
    if (current && this.algebra.covers(running.question, question)) return running.answer;
    if (this.followUp) {
      this.followUp.question = this.algebra.merge(this.followUp.question, question);
      return this.followUp.answer;
    }
    let resolve!: (value: R) => void;
    let reject!: (error: unknown) => void;
    const answer = new Promise<R>((yes, no) => {
      resolve = yes;
      reject = no;
    });
    // The follow-up asks what the running read asked too: whoever waits for that wants it again, fresh.
    this.followUp = { question: this.algebra.merge(running.question, question), answer, resolve, reject };
    return answer;
  }

  /** Aborts the read in flight (the extension's end); the follow-up never starts. */
  dispose(): void {
    this.disposal.abort();
    this.followUp?.reject(new Error('The read was disposed'));
    this.followUp = undefined;
  }

  private start(question: Q): Flight<Q, R> {
    this.started++;
    const waits = this.timing.beforeRead !== undefined;
    const answer = Promise.resolve()
      .then(() => this.timing.beforeRead?.())
      .then(() => {
        flight.generation = this.generation;
        this.lastStartedAt = (this.timing.now ?? Date.now)();
        return this.read(question, this.disposal.signal);
      });
    const flight: Flight<Q, R> = { question, generation: waits ? undefined : this.generation, answer };
    this.running = flight;
    const next = (): void => {
      if (this.running === flight) this.running = undefined;
      const followUp = this.followUp;
      this.followUp = undefined;
      if (!followUp || this.disposal.signal.aborted) return;
      this.start(followUp.question).answer.then(followUp.resolve, followUp.reject);
    };
    answer.then(next, next);
    return flight;
  }
}
