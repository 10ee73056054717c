/**
 * session-cost: what a scripted session costs in processes. In code-server, on a repository made by the
 * exp-show-refresh fixture maker (3 commits with experiments), DVC Lens opens every view and panel,
 * compares two commits twice, sees params.yaml edited three times and runs one experiment
 * (bench/session/hostSession.ts). The runner's log (one line per process) gives the DVC and git calls and
 * their seconds. `ours` is the DVC seconds of the session; `baseline` is the same session's DVC seconds as
 * recorded before the issue-13 work (bench-results/session-cost-before.json, taken on main's code), so the
 * ratio says how much of it is left. Goal: DVC calls at most a quarter of before, no cancelled `exp show`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeFixture } from './expShowRefresh.bench';
import { machineDetails, type Benchmark, type BenchmarkMode } from './benchmark';
import { runHostSession } from './session/codeServerSession';
import { parseProcessLines, sessionCost, type SessionCost } from './session/processLogCounts';

const sizes: Record<BenchmarkMode, { commits: number; experimentsPerCommit: number }> = {
  measure: { commits: 3, experimentsPerCommit: 4 },
  smoke: { commits: 3, experimentsPerCommit: 1 },
};

const beforeFile = resolve(__dirname, '..', 'bench-results', 'session-cost-before.json');

interface RecordedBefore {
  readonly details?: { readonly cost?: SessionCost };
}

export const benchmark: Benchmark = {
  name: 'session-cost',
  async run(mode) {
    const repo = await makeFixture({ ...sizes[mode], warmupRuns: 0, rounds: 0 });
    try {
      const report = await runHostSession({
        folder: repo.dir,
        script: 'session',
        name: 'bench-session-cost',
        // The smoke run only proves the session still runs: shorter waits between steps.
        ...(mode === 'smoke' ? { quietMs: 1500 } : {}),
      });
      const calls = parseProcessLines(report.lines);
      const cost = sessionCost(calls);
      if (cost.dvcCalls === 0) throw new Error('the session ran no DVC process: the log was not read');
      const before = existsSync(beforeFile)
        ? (JSON.parse(readFileSync(beforeFile, 'utf8')) as RecordedBefore).details?.cost
        : undefined;
      const ours = Math.round(cost.dvcSeconds * 1000);
      const baseline = before ? Math.round(before.dvcSeconds * 1000) : ours;
      const goalMet = before
        ? cost.dvcCalls * 4 <= before.dvcCalls && cost.expShowCancelled === 0
        : cost.expShowCancelled === 0;
      return {
        name: 'session-cost',
        unit: 'ms',
        ours,
        baseline,
        ratio: Math.round((ours / baseline) * 10_000) / 10_000,
        details: {
          goal: 'DVC calls <= 1/4 of before, no cancelled exp show',
          goalMet,
          cost,
          before: before ?? 'none recorded: this run is the before',
          dvcCallsRatio: before ? Math.round((cost.dvcCalls / before.dvcCalls) * 1000) / 1000 : 1,
          fixture: sizes[mode],
          steps: report.steps,
          calls: calls.map((call) => `${call.program} ${call.args} → ${call.outcome} ${call.durationMs} ms`),
          measures:
            'ours/baseline: seconds of DVC processes in the scripted session, after/before (ms); counts in cost',
          ...machineDetails(),
        },
      };
    } finally {
      await repo.cleanup();
    }
  },
};
