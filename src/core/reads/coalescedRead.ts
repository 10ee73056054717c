/**
 * One expensive read at a time (`dvc exp show`, `plots diff`), never thrown away: a started read runs to its
 * end, and every ask that comes while it runs and wants something newer or wider waits for ONE follow-up read
 * after it, asked for everything they want together. Pure (no VS Code, no processes): the caller hands in the
 * read, how two questions merge and when an answer covers a question.
 *
 * "Newer" is a generation: `invalidate()` says what is on disk changed, so a read started before it cannot
 * answer an ask made after it. The read in flight still finishes and answers those who asked before.
 */

/** How questions combine: `merge` asks for both; `covers` says an answer to `have` also answers `want`. */
export interface QuestionAlgebra<Q> {
  merge(a: Q, b: Q): Q;
  covers(have: Q, want: Q): boolean;
}

/** A read: `signal` aborts only on disposal (the extension's end), never because a newer ask came. */
export type ReadOf<Q, R> = (question: Q, signal: AbortSignal) => Promise<R>;

interface Flight<Q, R> {
  readonly question: Q;
  readonly generation: number;
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

  constructor(
    private readonly read: ReadOf<Q, R>,
    private readonly algebra: QuestionAlgebra<Q>,
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
    if (running.generation === this.generation && this.algebra.covers(running.question, question))
      return running.answer;
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
    const answer = Promise.resolve().then(() => this.read(question, this.disposal.signal));
    const flight: Flight<Q, R> = { question, generation: this.generation, answer };
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
