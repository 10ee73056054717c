/**
 * Every benchmark still runs: each `bench/*.bench.ts` in smoke mode (its smallest size, one round, no
 * warm-up), one test per benchmark, so a broken benchmark is a failing test. Results go to a temp folder,
 * never bench-results/, whose measurements come only from `npm run bench`. Nothing here is timed: the
 * numbers of a smoke run mean nothing, only that the benchmark got to the end with its own checks passing.
 * Needs the pinned DVC (DVC_LENS_DVC or scripts/ensure-dvc.sh) and Chromium (scripts/ensure-chromium.sh).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { BenchmarkResult } from '../../bench/benchmark';
import { benchmarkFiles, loadBenchmark, writeResult } from '../../bench/benchmarkFiles';

let resultsFolder = '';

before(async () => {
  resultsFolder = await mkdtemp(join(tmpdir(), 'dvc-lens-bench-smoke-'));
});

after(async () => {
  if (!process.env.KEEP) await rm(resultsFolder, { recursive: true, force: true });
});

function assertMeasured(result: BenchmarkResult, side: 'ours' | 'baseline'): void {
  const value = result[side];
  assert.ok(Number.isFinite(value) && value > 0, `${result.name}: ${side} is ${value}`);
}

const files = benchmarkFiles();

if (files.length === 0)
  void test('the bench folder has benchmarks', () => assert.fail('no bench/*.bench.ts'));

for (const file of files) {
  void test(`${file} runs at its smallest size`, async () => {
    const benchmark = await loadBenchmark(file);
    const result = await benchmark.run('smoke');
    assert.equal(result.unit, 'ms');
    assertMeasured(result, 'ours');
    assertMeasured(result, 'baseline');
    assert.ok(Number.isFinite(result.ratio), `${result.name}: ratio is ${result.ratio}`);
    const written = JSON.parse(await readFile(await writeResult(resultsFolder, result), 'utf8')) as unknown;
    assert.deepEqual(written, JSON.parse(JSON.stringify(result)));
  });
}
