/**
 * Plots refresh: `PlotsService.diff()` (runner, scheduler slot "plots-diff", `dvc plots diff --json -o`,
 * parse into the plot model) against the bare `dvc plots diff` process with the same arguments, on the
 * reproduced demo with two experiments (workspace + both). Goal: our overhead within 5% (ratio <= 1.05).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DvcCli } from '../src/cli/dvcCli';
import { GitCli } from '../src/cli/gitCli';
import { RepositoryScheduler } from '../src/cli/repositoryScheduler';
import { ProcessRunner } from '../src/cli/runner';
import { ExperimentsService } from '../src/experiments/experimentsService';
import { plotsDiffArguments, PlotsService } from '../src/plots/plotsService';
import { dvc, git, makeDemoRepo, pinnedDvcPath } from '../test/helpers/dvcEnvironment';
import { median, roundMs, type Benchmark } from './benchmark';

const warmupRuns = 1;
/** Each round runs DVC bare once and ours once, alternating which goes first, so load changes hit both. */
const rounds = 5;
const revisions = ['workspace', 'lr-small', 'short'];

export const benchmark: Benchmark = {
  name: 'plots-diff-refresh',
  async run() {
    const repo = await makeDemoRepo({ repro: true });
    const images = await mkdtemp(join(tmpdir(), 'dvc-lens-bench-plots-'));
    try {
      await git(repo.dir, ['config', 'user.name', 'DVC Lens Bench']);
      await git(repo.dir, ['config', 'user.email', 'bench@dvc-lens.invalid']);
      const dvcPath = await pinnedDvcPath();
      const dvcVersion = (await dvc(repo.dir, ['--version'])).trim();
      const scheduler = new RepositoryScheduler(repo.dir, new ProcessRunner());
      const cli = new DvcCli(
        { command: dvcPath, prefixArgs: [], source: 'setting', version: dvcVersion },
        scheduler,
      );
      const experiments = new ExperimentsService(cli, scheduler, new GitCli(repo.dir));
      await experiments.run([{ file: 'params.yaml', key: 'train.learning_rate', value: '0.1' }], {
        name: 'lr-small',
      });
      await experiments.run([{ file: 'params.yaml', key: 'train.epochs', value: '10' }], { name: 'short' });
      const service = new PlotsService(cli, images);

      let plots = 0;
      const ours = async (): Promise<number> => {
        const started = performance.now();
        const model = await service.diff(revisions);
        const elapsed = performance.now() - started;
        plots = model.plots.length;
        return elapsed;
      };
      const baseline = async (): Promise<number> => {
        const started = performance.now();
        JSON.parse(await dvc(repo.dir, plotsDiffArguments(revisions, images)));
        return performance.now() - started;
      };

      for (let run = 0; run < warmupRuns; run++) {
        await baseline();
        await ours();
      }
      const oursSamples: number[] = [];
      const baselineSamples: number[] = [];
      for (let round = 0; round < rounds; round++) {
        if (round % 2 === 0) {
          baselineSamples.push(await baseline());
          oursSamples.push(await ours());
        } else {
          oursSamples.push(await ours());
          baselineSamples.push(await baseline());
        }
      }
      if (plots !== 4) throw new Error(`expected the demo's 4 plots, got ${plots}`);
      const oursMedian = roundMs(median(oursSamples));
      const baselineMedian = roundMs(median(baselineSamples));
      const ratio = Math.round((oursMedian / baselineMedian) * 10000) / 10000;
      return {
        name: 'plots-diff-refresh',
        unit: 'ms',
        ours: oursMedian,
        baseline: baselineMedian,
        ratio,
        details: {
          goal: 'ratio <= 1.05',
          goalMet: ratio <= 1.05,
          overheadMs: roundMs(oursMedian - baselineMedian),
          plots,
          revisions,
          dvcVersion,
          node: process.version,
          runs: { ours: rounds, baseline: rounds, warmupEach: warmupRuns, interleaved: true },
          oursMeasures:
            'PlotsService.diff(): ProcessRunner + RepositoryScheduler (slot "plots-diff") + dvc plots diff --json -o + parse into the plot model',
          baselineMeasures:
            'the same dvc plots diff arguments via child_process.execFile, JSON.parse of stdout',
          oursSamplesMs: oursSamples.map(roundMs),
          baselineSamplesMs: baselineSamples.map(roundMs),
        },
      };
    } finally {
      await rm(images, { recursive: true, force: true });
      await repo.cleanup();
    }
  },
};
