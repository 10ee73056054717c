/**
 * Data status of a tracked folder of 10,000 small files: `DataService.status()` (DvcCli on a
 * RepositoryScheduler with the real ProcessRunner, as the extension builds it; `dvc data status --granular
 * --unchanged --json`, parsed into one entry per path) against the bare `dvc data status --granular
 * --unchanged --json` process on the same repository. Goal: our overhead within 5% (ratio <= 1.05). Also
 * measures the Data tree's file-first first paint (bench/dataTreeFirstLevel.ts) on that repository.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DvcCli } from '../src/cli/dvcCli';
import { GitCli } from '../src/cli/gitCli';
import { RepositoryScheduler } from '../src/cli/repositoryScheduler';
import { ProcessRunner } from '../src/cli/runner';
import { parseCliJson } from '../src/core/cliJson';
import { parseDataStatus } from '../src/core/data/dataStatus';
import { DataService } from '../src/data/dataService';
import { dvc, git, gitIdentityArgs, makeDvcRepo, pinnedDvcPath } from '../test/helpers/dvcEnvironment';
import { bareDvc } from './bareDvc';
import { median, roundMs, type Benchmark, type BenchmarkMode } from './benchmark';
import { compareInterleaved, ratioResult, timeOf } from './interleavedRounds';
import { readDataTreeFirstLevel } from './dataTreeFirstLevel';

const trackedFolder = 'samples';
const sizes: Record<BenchmarkMode, DataStatusBenchSize> = {
  /** Nine rounds: on a shared, loaded machine single DVC runs of ~3 s vary by a second or more. */
  measure: { fileCount: 10_000, warmupRuns: 1, rounds: 9, firstPaintRuns: 15, parseRuns: 10 },
  smoke: { fileCount: 100, warmupRuns: 0, rounds: 1, firstPaintRuns: 1, parseRuns: 1 },
};

interface DataStatusBenchSize {
  readonly fileCount: number;
  readonly warmupRuns: number;
  /** Each round runs DVC bare once and ours once, alternating which goes first, so load changes hit both. */
  readonly rounds: number;
  readonly firstPaintRuns: number;
  readonly parseRuns: number;
}
const statusArgs = ['data', 'status', '--granular', '--unchanged', '--json'];

/** `fileCount` files of a few dozen bytes each, written a few hundred at a time (one await per file is slow). */
async function writeSamples(folder: string, fileCount: number): Promise<void> {
  await mkdir(folder, { recursive: true });
  const batch = 500;
  for (let start = 0; start < fileCount; start += batch) {
    const writes: Array<Promise<void>> = [];
    for (let index = start; index < Math.min(start + batch, fileCount); index++) {
      const name = `sample-${String(index).padStart(5, '0')}.txt`;
      writes.push(writeFile(join(folder, name), `sample ${index}\nvalue ${(index * 37) % 1000}\n`));
    }
    await Promise.all(writes);
  }
}

export const benchmark: Benchmark = {
  name: 'data-status-10k',
  async run(mode) {
    const { fileCount, warmupRuns, rounds, firstPaintRuns, parseRuns } = sizes[mode];
    const repo = await makeDvcRepo();
    try {
      const root = repo.dir;
      const setupStarted = performance.now();
      await writeSamples(join(root, trackedFolder), fileCount);
      await dvc(root, ['add', '-q', trackedFolder]);
      await git(root, ['add', `${trackedFolder}.dvc`, '.gitignore']);
      await git(root, [...gitIdentityArgs, 'commit', '-q', '-m', 'track samples']);
      const setupMs = performance.now() - setupStarted;

      const dvcPath = await pinnedDvcPath();
      const dvcVersion = (await dvc(root, ['--version'])).trim();
      const scheduler = new RepositoryScheduler(root, new ProcessRunner());
      const cli = new DvcCli(
        { command: dvcPath, prefixArgs: [], source: 'setting', version: dvcVersion },
        scheduler,
      );
      const data = new DataService(cli, scheduler, new GitCli(root));

      let entries = 0;
      let baselineOutput = '';
      const comparison = await compareInterleaved({
        ours: () =>
          timeOf(async () => {
            entries = (await data.status()).entries.length;
          }),
        baseline: () =>
          timeOf(async () => {
            baselineOutput = await bareDvc(root, statusArgs);
          }),
        rounds,
        warmupRuns,
      });
      // The folder and each of its files, all unchanged.
      if (entries !== fileCount + 1) throw new Error(`expected ${fileCount + 1} entries, got ${entries}`);

      // The in-process share of ours: JSON parse and one entry per path, on DVC's own output.
      const parseSamples: number[] = [];
      for (let run = 0; run < parseRuns; run++) {
        const started = performance.now();
        parseDataStatus(parseCliJson(baselineOutput));
        parseSamples.push(performance.now() - started);
      }

      const paintSamples: number[] = [];
      let rows = 0;
      for (let run = 0; run < firstPaintRuns; run++) {
        const started = performance.now();
        const level = await readDataTreeFirstLevel(root);
        paintSamples.push(performance.now() - started);
        rows = level.roots.length + [...level.children.values()].reduce((sum, list) => sum + list.length, 0);
      }
      if (rows !== fileCount + 1) throw new Error(`first level has ${rows} rows, expected ${fileCount + 1}`);

      return ratioResult('data-status-10k', comparison, {
        trackedFiles: fileCount,
        statusEntries: entries,
        statusJsonBytes: baselineOutput.length,
        parseMedianMs: roundMs(median(parseSamples)),
        setupMs: roundMs(setupMs),
        dvcVersion,
        oursMeasures:
          'DataService.status(): DvcCli + RepositoryScheduler (slot "data-status") + ProcessRunner + dvc data status --granular --unchanged --json + parseDataStatus',
        baselineMeasures:
          'dvc data status --granular --unchanged --json spawned bare like ours (own session, stdin closed: bench/bareDvc.ts) on the same repository',
        dataTreeFirstPaint: {
          medianMs: roundMs(median(paintSamples)),
          firstRunMs: roundMs(paintSamples[0] ?? Number.NaN),
          runs: firstPaintRuns,
          rows,
          measures:
            'file-first part only (bench/dataTreeFirstLevel.ts): readdir of the root, read + parseDvcFile of its .dvc files, dvc.lock read (absent here), readdir of the tracked folder (10,000 entries) into sorted rows; the real Data tree provider is being built separately, so this is not its getChildren()',
          vsDvcDataStatusRatio:
            Math.round((median(paintSamples) / comparison.baselineMedian) * 10000) / 10000,
        },
      });
    } finally {
      await repo.cleanup();
    }
  },
};
