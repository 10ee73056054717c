import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GitCli } from '../../../src/cli/gitCli';
import type { ExperimentsModel } from '../../../src/core/experiments/experimentModel';
import type { ExperimentsService } from '../../../src/experiments/experimentsService';
import { HistoryService } from '../../../src/history/historyService';

const sha = (digit: string): string => digit.repeat(40);

void describe('History first page', () => {
  void it('asks DVC for HEAD at once, before git has listed the page', async () => {
    const events: string[] = [];
    let releaseLog: () => void = () => undefined;
    const logGate = new Promise<void>((resolve) => (releaseLog = resolve));
    const git = {
      resolveCommit: () => Promise.resolve(sha('b')),
      logPage: async () => {
        events.push('git log started');
        await logGate;
        events.push('git log done');
        return `\x1e${sha('b')}\x1f${sha('a')}\x1fAda\x1f2026-11-29T10:00:00+00:00\x1fTune\n\nparams.yaml\n`;
      },
    } as unknown as GitCli;
    const queries: unknown[] = [];
    const experiments: Pick<ExperimentsService, 'show'> = {
      show: (query) => {
        events.push('dvc exp show started');
        queries.push(query);
        const model: ExperimentsModel = { workspace: undefined, commits: [] };
        return Promise.resolve(model);
      },
    };
    const first = new HistoryService(git, experiments).firstPage(50);
    // DVC is asked before git's page is in (git is held until we let it go).
    await new Promise((resolve) => setImmediate(resolve));
    assert.ok(events.includes('dvc exp show started'), events.join(', '));
    assert.ok(!events.includes('git log done'));
    assert.deepEqual(queries, [{ revs: ['HEAD'], commits: 51 }]);
    releaseLog();
    const page = await first.page;
    assert.deepEqual(
      page.commits.map((commit) => commit.sha),
      [sha('b')],
    );
    assert.equal((await first.metrics).size, 0);
  });
});
