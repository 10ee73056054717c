/**
 * "A read slower than 2 s shows progress in the view" (issue 13 item 6): a quick read flashes nothing, a slow
 * one gets the view's progress bar until it ends. Pure timing: the caller says when the view is busy reading and
 * hands in how to show progress (and hide it); the timers are injectable so tests drive them.
 */

/** How long a read may take before the view shows progress. */
export const SLOW_READ_MS = 2000;

/** Shows progress in the view; the returned function hides it. */
export type ShowProgress = () => () => void;

export interface ReadTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: ReadTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class SlowReadIndicator {
  private timer: unknown;
  private hide: (() => void) | undefined;
  private busy = false;

  constructor(
    private readonly show: ShowProgress,
    private readonly delayMs: number = SLOW_READ_MS,
    private readonly timers: ReadTimers = realTimers,
  ) {}

  /**
   * The view's reading state now (called on every change; repeats are fine). Busy starts the clock once; idle
   * stops it and hides progress shown. Reads that follow each other without an idle moment count as one.
   */
  set(busy: boolean): void {
    if (busy === this.busy) return;
    this.busy = busy;
    if (busy) {
      this.timer = this.timers.setTimeout(() => {
        this.timer = undefined;
        if (this.busy) this.hide = this.show();
      }, this.delayMs);
      return;
    }
    this.stop();
  }

  /** Whether progress is shown now. */
  get showing(): boolean {
    return this.hide !== undefined;
  }

  dispose(): void {
    this.busy = false;
    this.stop();
  }

  private stop(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    const hide = this.hide;
    this.hide = undefined;
    hide?.();
  }
}
