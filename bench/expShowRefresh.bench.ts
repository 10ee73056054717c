/**
 * Experiments refresh: `ExperimentsService.show()` (ProcessRunner, the repository scheduler's read slot,
 * `dvc exp show --json -n 3`, NaN-tolerant JSON parse, parseExpShow into the model) against the bare
 * `dvc exp show --json -n 3` process on the same repository: 3 commits with 20 experiments each, made by
 * `dvc exp save` (the quickest real way to make an experiment; `exp run` adds a pipeline run to each).
 * Interleaved rounds; goal: our overhead within 5% (ratio <= 1.05).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitCli } from '../src/cli/gitCli';
import { allExperiments } from '../src/core/experiments/experimentModel';
import { ExperimentsService } from '../src/experiments/experimentsService';
import { dvc, git, makeDvcRepo } from '../test/helpers/dvcEnvironment';
import { recordingDvcCli } from '../test/integration/cliFixtures';
import { bareDvc } from './bareDvc';
import { type Benchmark, type BenchmarkMode } from './benchmark';
import { compareInterleaved, ratioResult, timeOf } from './interleavedRounds';

const sizes: Record<BenchmarkMode, ExpShowBenchSize> = {
  measure: {
    commits: 3,
    /** `DVC_LENS_BENCH_EXPERIMENTS` makes a smaller fixture for a quick look (the recorded result uses 20). */
    experimentsPerCommit: Number(process.env.DVC_LENS_BENCH_EXPERIMENTS ?? 20),
    warmupRuns: 1,
    rounds: 11,
  },
  smoke: { commits: 1, experimentsPerCommit: 1, warmupRuns: 0, rounds: 1 },
};

interface ExpShowBenchSize {
  /** Commits in the fixture, each with its experiments; also `--num` of the measured `exp show`. */
  readonly commits: number;
  readonly experimentsPerCommit: number;
  readonly warmupRuns: number;
  /** Each round runs DVC bare once and ours once, alternating which goes first, so load changes hit both. */
  readonly rounds: number;
}

const TRAIN = `import json
lr = float(open("params.yaml").read().split("lr:")[1].split()[0])
json.dump({"acc": lr * 2, "loss": 1 - lr}, open("metrics.json", "w"))
`;

/** The values of one experiment (or commit) of the fixture. */
async function writeValues(dir: string, lr: number, epochs: number): Promise<void> {
  await writeFile(join(dir, 'params.yaml'), `lr: ${lr}\nepochs: ${epochs}\nmodel:\n  depth: ${epochs % 7}\n`);
  await writeFile(join(dir, 'metrics.json'), JSON.stringify({ acc: lr * 2, loss: 1 - lr, epochs }));
}

export async function makeFixture(
  { commits, experimentsPerCommit }: ExpShowBenchSize = sizes.measure,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const repo = await makeDvcRepo();
  const dir = repo.dir;
  await git(dir, ['config', 'user.name', 'DVC Lens Bench']);
  await git(dir, ['config', 'user.email', 'bench@dvc-lens.invalid']);
  await writeFile(join(dir, 'train.py'), TRAIN);
  await writeValues(dir, 0.1, 10);
  await dvc(
    dir,
    ['stage', 'add', '-q', '-n', 'train', '-p', 'lr,epochs,model.depth', '-d', 'train.py'].concat([
      '-M',
      'metrics.json',
      'python3 train.py',
    ]),
  );
  for (let commit = 0; commit < commits; commit++) {
    await writeValues(dir, 0.1 + commit / 10, 10 + commit);
    await dvc(dir, ['repro', '-q']);
    await git(dir, ['add', '-A']);
    await git(dir, ['commit', '-q', '-m', `baseline ${commit}`]);
    for (let index = 0; index < experimentsPerCommit; index++) {
      await writeValues(dir, Math.round((0.01 + index / 25) * 1000) / 1000, 5 + index);
      await dvc(dir, ['exp', 'save', '-q', '-n', `c${commit}-e${index}`]);
    }
    await git(dir, ['reset', '-q', '--hard']);
  }
  return repo;
}

export const benchmark: Benchmark = {
  name: 'exp-show-refresh',
  async run(mode) {
    const size = sizes[mode];
    const { commits, experimentsPerCommit, warmupRuns, rounds } = size;
    const setupStarted = performance.now();
    // `DVC_LENS_BENCH_REPO`: measure an existing fixture (made by makeFixture) instead of making one; never in
    // a smoke run, whose fixture has its own small size.
    const given = mode === 'measure' ? process.env.DVC_LENS_BENCH_REPO : undefined;
    const repo = given ? { dir: given, cleanup: () => Promise.resolve() } : await makeFixture(size);
    const setupMs = performance.now() - setupStarted;
    try {
      const { cli, scheduler } = await recordingDvcCli(repo.dir);
      const service = new ExperimentsService(cli, scheduler, new GitCli(repo.dir));
      const dvcVersion = (await dvc(repo.dir, ['--version'])).trim();
      let experiments = 0;
      const comparison = await compareInterleaved({
        ours: () =>
          timeOf(async () => {
            experiments = allExperiments(await service.show({ commits })).length;
          }),
        baseline: () => timeOf(() => bareDvc(repo.dir, ['exp', 'show', '--json', '--num', String(commits)])),
        rounds,
        warmupRuns,
      });
      const expected = commits * experimentsPerCommit;
      if (experiments !== expected)
        throw new Error(`the model has ${experiments} experiments, not ${expected}`);
      return ratioResult('exp-show-refresh', comparison, {
        commits,
        experiments,
        setupSeconds: Math.round(setupMs / 100) / 10,
        fixture: given
          ? 'made beforehand by makeFixture() in a separate process (DVC_LENS_BENCH_REPO)'
          : 'made by makeFixture() in this run',
        fixtureNote:
          "earlier runs saw the bare CLI about 2x slower than ours in every round: it ran in the benchmark process's session while ours ran in its own (ProcessRunner starts DVC detached), and Linux schedules each session as its own group (sched_autogroup), so under load from other sessions the bare CLI got less CPU; the baseline now starts DVC the same way (bench/bareDvc.ts)",
        dvcVersion,
        oursMeasures:
          'ExperimentsService.show({ commits: 3 }): ProcessRunner + RepositoryScheduler read slot + dvc exp show --json --num 3 + NaN-tolerant JSON parse + parseExpShow into the experiments model',
        baselineMeasures: `dvc exp show --json --num ${commits} spawned bare like ours (own session, stdin closed: bench/bareDvc.ts) on the same repository`,
      });
    } finally {
      await repo.cleanup();
    }
  },
};
