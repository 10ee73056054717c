/** What every `bench/*.bench.ts` exports and what `bench/run.ts` writes to `bench-results/<name>.json`. */

/** One benchmark's outcome: our median against the baseline's (DVC's CLI), both in milliseconds. */
export interface BenchmarkResult {
  readonly name: string;
  readonly unit: 'ms';
  readonly ours: number;
  readonly baseline: number;
  /** ours / baseline: below 1 we are faster. */
  readonly ratio: number;
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * `measure`: the benchmark's real size and all its rounds, for bench-results/. `smoke`: its smallest size,
 * one round and no warm-up, only to prove it still runs end to end (its numbers mean nothing).
 */
export type BenchmarkMode = 'measure' | 'smoke';

export interface Benchmark {
  readonly name: string;
  run(mode: BenchmarkMode): Promise<BenchmarkResult>;
}

export function median(samples: readonly number[]): number {
  const ordered = [...samples].sort((a, b) => a - b);
  const middle = ordered.length >> 1;
  if (ordered.length === 0) return Number.NaN;
  return ordered.length % 2 === 1
    ? (ordered[middle] ?? Number.NaN)
    : ((ordered[middle - 1] ?? 0) + (ordered[middle] ?? 0)) / 2;
}

/** Milliseconds rounded to 0.01, so results read well and diff quietly. */
export function roundMs(value: number): number {
  return Math.round(value * 100) / 100;
}
