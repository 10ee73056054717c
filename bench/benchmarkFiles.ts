/**
 * Finding, loading and recording the benchmarks (`bench/*.bench.ts`, each exporting `benchmark`): shared by
 * `bench/run.ts` (npm run bench) and the smoke test (test/bench-smoke), so both run the same set.
 */
import { readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Benchmark, BenchmarkResult } from './benchmark';

const benchFolder = __dirname;

function isBenchmark(value: unknown): value is Benchmark {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { name?: unknown; run?: unknown };
  return typeof candidate.name === 'string' && typeof candidate.run === 'function';
}

/**
 * The benchmark files' names, sorted, so runs go in the same order every time. Synchronous: the smoke test
 * declares one test per file while its module loads (node:test wants them declared then), and this is a
 * tool, never the extension host.
 */
export function benchmarkFiles(): string[] {
  return readdirSync(benchFolder)
    .filter((file) => file.endsWith('.bench.ts'))
    .sort();
}

export async function loadBenchmark(file: string): Promise<Benchmark> {
  const loaded: unknown = await import(pathToFileURL(join(benchFolder, file)).href);
  const exported =
    typeof loaded === 'object' && loaded !== null ? (loaded as { benchmark?: unknown }).benchmark : undefined;
  if (!isBenchmark(exported))
    throw new Error(`${file} does not export a \`benchmark\` with a name and run()`);
  return exported;
}

/** Writes `<folder>/<result name>.json` and returns its path. */
export async function writeResult(folder: string, result: BenchmarkResult): Promise<string> {
  await mkdir(folder, { recursive: true });
  const file = join(folder, `${result.name}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
