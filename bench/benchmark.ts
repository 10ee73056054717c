/** What every `bench/*.bench.ts` exports and what `bench/run.ts` writes to `bench-results/<name>.json`. */
import { cpus, loadavg } from 'node:os';

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

/**
 * The machine a result was measured on, for every result's details: benchmarks run on a shared machine beside
 * other work, and the load average when the measuring ended says how busy it was.
 */
export function machineDetails(): {
  node: string;
  cpus: number;
  loadAverage1mAtEnd: number;
  note: string;
} {
  return {
    node: process.version,
    cpus: cpus().length,
    loadAverage1mAtEnd: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    note: 'measured on a shared machine beside other work; the load average says how busy it was',
  };
}
