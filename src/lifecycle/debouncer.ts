/**
 * Collects bursts of events (a save touches several files; a `dvc repro` rewrites many) into one call after
 * a quiet period, so that refreshes run once per burst instead of once per file.
 */
export class Debouncer<K> {
  private readonly pending = new Set<K>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly delayMs: () => number,
    private readonly flush: (keys: ReadonlySet<K>) => void,
  ) {}

  /** Keys wait for the quiet period to end. */
  get isPending(): boolean {
    return this.timer !== undefined;
  }

  add(key: K): void {
    this.pending.add(key);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const keys = new Set(this.pending);
      this.pending.clear();
      this.flush(keys);
    }, this.delayMs());
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.pending.clear();
  }
}
