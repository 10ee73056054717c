/**
 * Runs every benchmark in `bench/*.bench.ts` (each exports `benchmark`), writes one JSON per benchmark to
 * `bench-results/<name>.json` and prints one summary line each. Usage: `npm run bench [-- <name filter>]`.
 * `--smoke` (or BENCH_SMOKE=1) runs each at its smallest size, one round, and writes to a temp folder instead,
 * so a quick check never overwrites the recorded measurements; `npm run bench:smoke` is that as a test.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchmarkMode, BenchmarkResult } from './benchmark';
import { benchmarkFiles, loadBenchmark, writeResult } from './benchmarkFiles';

const measurementsFolder = resolve(__dirname, '..', 'bench-results');

function summary(result: BenchmarkResult): string {
  const goal = typeof result.details.goal === 'string' ? result.details.goal : undefined;
  const met =
    typeof result.details.goalMet === 'boolean' ? (result.details.goalMet ? 'met' : 'MISSED') : undefined;
  const goalText = goal ? ` (goal ${goal}: ${met ?? '?'})` : '';
  return `${result.name}: ours ${result.ours} ${result.unit}, baseline ${result.baseline} ${result.unit}, ratio ${result.ratio.toFixed(4)}${goalText}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const mode: BenchmarkMode =
    args.includes('--smoke') || process.env.BENCH_SMOKE === '1' ? 'smoke' : 'measure';
  const filter = args.find((arg) => !arg.startsWith('--'));
  const resultsFolder =
    mode === 'smoke' ? await mkdtemp(join(tmpdir(), 'dvc-lens-bench-smoke-')) : measurementsFolder;
  if (mode === 'smoke') console.log(`smoke run: smallest sizes, one round; results in ${resultsFolder}`);
  let ran = 0;
  let failures = 0;
  for (const file of benchmarkFiles()) {
    const benchmark = await loadBenchmark(file);
    if (filter && !benchmark.name.includes(filter)) continue;
    ran++;
    try {
      const result = await benchmark.run(mode);
      await writeResult(resultsFolder, result);
      console.log(summary(result));
    } catch (error: unknown) {
      failures++;
      console.error(
        `${benchmark.name}: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }
  // A filter that matches nothing is a typo, not a successful run.
  if (ran === 0) throw new Error(`no benchmark is named like '${filter ?? ''}'`);
  if (failures > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
