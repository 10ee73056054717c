/**
 * first-content: from `DVC Lens: Show Experiments Table` to the first experiment row the table holds, in
 * code-server, on a repository with 3 commits and 60 experiments (the exp-show-refresh fixture). Cold: a
 * first window on the workspace (no cache of an earlier session). Warm: a second window on the same
 * workspace and user data (the last session's cache in workspace storage). `ours` is warm, `baseline` cold.
 * Measured in the extension host on the table's snapshot (what its page paints from; the page's own paint
 * adds its frame). Goals: warm under 1 s; DVC calls at start-up (cold window) at most half of the official DVC
 * extension's on the same kind of repository. Its count, 12, is the median issue 13 recorded side by side in
 * code-server; it cannot be installed here (no marketplace), so the number is taken from there, not measured.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFixture } from './expShowRefresh.bench';
import { machineDetails, type Benchmark, type BenchmarkMode } from './benchmark';
import { runHostSession } from './session/codeServerSession';
import { parseProcessLines, sessionCost } from './session/processLogCounts';

const sizes: Record<BenchmarkMode, { commits: number; experimentsPerCommit: number }> = {
  measure: { commits: 3, experimentsPerCommit: 20 },
  smoke: { commits: 1, experimentsPerCommit: 1 },
};
const goalMs = 1000;
/** DVC calls the official extension made at start-up, as recorded in issue 13 (median of 3 runs). */
const officialStartupDvcCalls = 12;

export const benchmark: Benchmark = {
  name: 'first-content',
  async run(mode) {
    const repo = await makeFixture({ ...sizes[mode], warmupRuns: 0, rounds: 0 });
    const userDataDir = await mkdtemp(join(tmpdir(), 'dvc-lens-bench-first-content-'));
    try {
      const window = async (name: string) => {
        const report = await runHostSession({
          folder: repo.dir,
          script: 'first-content',
          userDataDir,
          name: `bench-first-content-${name}`,
        });
        if (report.firstExperimentRowMs === undefined) throw new Error(`${name}: no experiment row`);
        return { report, cost: sessionCost(parseProcessLines(report.lines)) };
      };
      const cold = await window('cold');
      const warm = await window('warm');
      const ours = warm.report.firstExperimentRowMs ?? Number.NaN;
      const baseline = cold.report.firstExperimentRowMs ?? Number.NaN;
      return {
        name: 'first-content',
        unit: 'ms',
        ours,
        baseline,
        ratio: Math.round((ours / baseline) * 10_000) / 10_000,
        details: {
          goal: `warm first experiment row < ${goalMs} ms; cold start-up DVC calls <= ${officialStartupDvcCalls / 2} (half of the official extension's ${officialStartupDvcCalls}, recorded in issue 13)`,
          goalMet: ours < goalMs && cold.cost.dvcCalls * 2 <= officialStartupDvcCalls,
          fixture: sizes[mode],
          cold: {
            firstWorkspaceRowMs: cold.report.firstWorkspaceRowMs,
            firstExperimentRowMs: cold.report.firstExperimentRowMs,
            refreshingAtFirstRow: cold.report.firstRowsRefreshing,
            activatedAfterMs: cold.report.steps.activated,
            dvcCalls: cold.cost.dvcCalls,
            dvcBySubcommand: cold.cost.dvcBySubcommand,
          },
          warm: {
            firstWorkspaceRowMs: warm.report.firstWorkspaceRowMs,
            firstExperimentRowMs: warm.report.firstExperimentRowMs,
            refreshingAtFirstRow: warm.report.firstRowsRefreshing,
            activatedAfterMs: warm.report.steps.activated,
            dvcCalls: warm.cost.dvcCalls,
            dvcBySubcommand: warm.cost.dvcBySubcommand,
          },
          measures:
            'ms from executing dvcLens.showExperimentsTable to the table source snapshot holding an experiment row, in the extension host',
          ...machineDetails(),
        },
      };
    } finally {
      await rm(userDataDir, { recursive: true, force: true });
      await repo.cleanup();
    }
  },
};
