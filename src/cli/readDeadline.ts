/**
 * The time limit of one git read. simple-git can only be stopped through an AbortSignal, so the limit is a
 * signal of its own that also follows the caller's. The clock starts at the spawn, as the runner's does for
 * DVC: time spent before git runs is not git's.
 */
export class ReadDeadline {
  /** What simple-git is given: the caller's signal alone when there is no limit. */
  readonly signal: AbortSignal | undefined;
  private readonly controller: AbortController | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private started = false;
  private timedOut = false;
  private readonly followCaller = (): void => this.controller?.abort();

  constructor(
    private readonly limitMs: number | undefined,
    private readonly callerSignal?: AbortSignal,
  ) {
    if (limitMs === undefined || !Number.isFinite(limitMs) || limitMs <= 0) {
      this.signal = callerSignal;
      return;
    }
    this.controller = new AbortController();
    this.signal = this.controller.signal;
    if (callerSignal?.aborted) this.controller.abort();
    else callerSignal?.addEventListener('abort', this.followCaller, { once: true });
  }

  /** True when the limit, not the caller, stopped the call. */
  get expired(): boolean {
    return this.timedOut;
  }

  /** The process started: the clock runs from now (later spawns of the same call keep the first start). */
  start(): void {
    if (!this.controller || this.started) return;
    this.started = true;
    this.timer = setTimeout(() => {
      if (this.controller?.signal.aborted) return;
      this.timedOut = true;
      this.controller?.abort();
    }, this.limitMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.callerSignal?.removeEventListener('abort', this.followCaller);
  }
}
