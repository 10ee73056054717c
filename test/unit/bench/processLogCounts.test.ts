import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseProcessLines, sessionCost } from '../../../bench/session/processLogCounts';
import { formatProcessLogLine } from '../../../src/cli/processLog';

const line = (
  commandLine: string,
  outcome: Parameters<typeof formatProcessLogLine>[0]['outcome'],
  ms: number,
) => formatProcessLogLine({ startedAt: new Date(0), commandLine, cwd: '/repo', outcome, durationMs: ms });

void test("session-cost counts DVC and git processes, exp show and its cancellations from the runner's log", () => {
  const lines = [
    line('/venv/bin/dvc exp show --json --num 10', { kind: 'cancelled' }, 1500),
    line('/venv/bin/dvc exp show --json --num 51', { kind: 'exit', exitCode: 0 }, 4000),
    line('/usr/bin/python3 -m dvc status --json', { kind: 'exit', exitCode: 1 }, 2000),
    line(
      "git rev-parse --verify --quiet --end-of-options 'HEAD^{commit}'",
      { kind: 'exit', exitCode: 0 },
      20,
    ),
    'DVC Lens: an error shown to the user',
  ];
  const calls = parseProcessLines(lines);
  assert.equal(calls.length, 4);
  const cost = sessionCost(calls);
  assert.equal(cost.dvcCalls, 3);
  assert.equal(cost.gitCalls, 1);
  assert.equal(cost.expShowCalls, 2);
  assert.equal(cost.expShowCancelled, 1);
  assert.equal(cost.cancelledDvcSeconds, 1.5);
  assert.equal(cost.dvcSeconds, 7.5);
  assert.deepEqual(cost.dvcBySubcommand, { 'exp show': 2, status: 1 });
});
