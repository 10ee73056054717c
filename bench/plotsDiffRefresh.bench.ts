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
import { dvc, git, pinnedDvcPath } from '../test/helpers/dvcEnvironment';
import { bareDvc } from './bareDvc';
import { reproducedDemoCopy } from './reproducedDemo';
import { type Benchmark, type BenchmarkMode } from './benchmark';
import { compareInterleaved, ratioResult, timeOf } from './interleavedRounds';

/** Each round runs DVC bare once and ours once, alternating which goes first, so load changes hit both. */
const sizes: Record<BenchmarkMode, { experiments: number; warmupRuns: number; rounds: number }> = {
  measure: { experiments: 2, warmupRuns: 1, rounds: 5 },
  smoke: { experiments: 1, warmupRuns: 0, rounds: 1 },
};
/** The experiments `exp run` makes on the demo, one param each; the plots compare the workspace and them. */
const experimentRuns = [
  { name: 'lr-small', param: { file: 'params.yaml', key: 'train.learning_rate', value: '0.1' } },
  { name: 'short', param: { file: 'params.yaml', key: 'train.epochs', value: '10' } },
];

export const benchmark: Benchmark = {
  name: 'plots-diff-refresh',
  async run(mode) {
    const { experiments: experimentCount, warmupRuns, rounds } = sizes[mode];
    const made = experimentRuns.slice(0, experimentCount);
    const revisions = ['workspace', ...made.map((experiment) => experiment.name)];
    const repo = await reproducedDemoCopy();
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
      for (const experiment of made) await experiments.run([experiment.param], { name: experiment.name });
      const service = new PlotsService(cli, images);

      let plots = 0;
      const comparison = await compareInterleaved({
        ours: () =>
          timeOf(async () => {
            plots = (await service.diff(revisions)).plots.length;
          }),
        baseline: () =>
          timeOf(
            async () => JSON.parse(await bareDvc(repo.dir, plotsDiffArguments(revisions, images))) as unknown,
          ),
        rounds,
        warmupRuns,
      });
      if (plots !== 4) throw new Error(`expected the demo's 4 plots, got ${plots}`);
      return ratioResult('plots-diff-refresh', comparison, {
        plots,
        revisions,
        dvcVersion,
        oursMeasures:
          'PlotsService.diff(): ProcessRunner + RepositoryScheduler (slot "plots-diff") + dvc plots diff --json -o + parse into the plot model',
        baselineMeasures:
          'the same dvc plots diff arguments spawned bare like ours (own session, stdin closed: bench/bareDvc.ts), JSON.parse of stdout',
      });
    } finally {
      await rm(images, { recursive: true, force: true });
      await repo.cleanup();
    }
  },
};
