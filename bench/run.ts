/**
 * Runs every benchmark in `bench/*.bench.ts` (each exports `benchmark`), writes one JSON per benchmark to
 * `bench-results/<name>.json` and prints one summary line each. Usage: `npm run bench [-- <name filter>]`.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Benchmark, BenchmarkResult } from './benchmark';

const benchFolder = __dirname;
const resultsFolder = resolve(__dirname, '..', 'bench-results');

function isBenchmark(value: unknown): value is Benchmark {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { name?: unknown; run?: unknown };
  return typeof candidate.name === 'string' && typeof candidate.run === 'function';
}

async function loadBenchmark(file: string): Promise<Benchmark> {
  const loaded: unknown = await import(pathToFileURL(join(benchFolder, file)).href);
  const exported =
    typeof loaded === 'object' && loaded !== null ? (loaded as { benchmark?: unknown }).benchmark : undefined;
  if (!isBenchmark(exported))
    throw new Error(`${file} does not export a \`benchmark\` with a name and run()`);
  return exported;
}

function summary(result: BenchmarkResult): string {
  const goal = typeof result.details.goal === 'string' ? result.details.goal : undefined;
  const met =
    typeof result.details.goalMet === 'boolean' ? (result.details.goalMet ? 'met' : 'MISSED') : undefined;
  const goalText = goal ? ` (goal ${goal}: ${met ?? '?'})` : '';
  return `${result.name}: ours ${result.ours} ${result.unit}, baseline ${result.baseline} ${result.unit}, ratio ${result.ratio.toFixed(4)}${goalText}`;
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const files = (await readdir(benchFolder)).filter((file) => file.endsWith('.bench.ts')).sort();
  await mkdir(resultsFolder, { recursive: true });
  let failures = 0;
  for (const file of files) {
    const benchmark = await loadBenchmark(file);
    if (filter && !benchmark.name.includes(filter)) continue;
    try {
      const result = await benchmark.run();
      await writeFile(join(resultsFolder, `${result.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
      console.log(summary(result));
    } catch (error: unknown) {
      failures++;
      console.error(
        `${benchmark.name}: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }
  if (failures > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
