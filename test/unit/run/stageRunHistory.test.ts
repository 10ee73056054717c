import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { StageRunRecord } from '../../../src/core/status/stageStatus';
import { StageRunHistory } from '../../../src/pipeline/run/stageRunHistory';

const record = (stage: string, index: number, logFile: string): StageRunRecord => ({
  stage,
  startedAt: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString(),
  durationMs: 100 + index,
  outcome: index % 2 === 0 ? 'succeeded' : 'failed',
  ...(index % 2 === 0 ? { exitCode: 0 } : { exitCode: 3 }),
  logFile,
});

void test('keeps the last N runs per stage, newest first, and survives a reload', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dvc-lens-history-'));
  try {
    const history = StageRunHistory.forRoot(dir, '/repo', 3);
    assert.equal(history.lastRun('train'), undefined);
    const logs = [0, 1, 2, 3, 4].map((index) => join(dir, `${index}.log`));
    for (const log of logs) await writeFile(log, 'output\n');
    for (const [index, log] of logs.entries()) await history.add([record('train', index, log)]);
    await history.add([record('sub/dvc.yaml:fit', 9, logs[4]!)]);

    assert.deepEqual(
      history.runs('train').map((run) => run.durationMs),
      [104, 103, 102],
    );
    assert.equal(history.lastRun('train')?.exitCode, 0);
    assert.equal(history.lastRun('sub/dvc.yaml:fit')?.durationMs, 109);

    const reloaded = StageRunHistory.forRoot(dir, '/repo', 3);
    await reloaded.load();
    assert.deepEqual(reloaded.runs('train'), history.runs('train'));
    assert.equal(StageRunHistory.forRoot(dir, '/other').file === history.file, false);

    // The log files of dropped runs are removed; no temp files are left behind.
    const left = await readdir(dir);
    assert.deepEqual(left.filter((name) => name.endsWith('.log')).sort(), ['2.log', '3.log', '4.log']);
    assert.deepEqual(
      (await readdir(join(dir, 'stage-runs'))).filter((name) => name.endsWith('.tmp')),
      [],
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

void test('a broken or foreign file starts an empty history, invalid records are dropped', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dvc-lens-history-'));
  try {
    const file = join(dir, 'runs.json');
    await writeFile(file, '{ not json');
    const broken = new StageRunHistory(file);
    await broken.load();
    assert.deepEqual(broken.stages(), []);

    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        stages: {
          train: [{ stage: 'train', startedAt: 'x', durationMs: 'slow' }, record('train', 0, 'a.log')],
        },
      }),
    );
    const mixed = new StageRunHistory(file);
    await mixed.load();
    assert.equal(mixed.runs('train').length, 1);
    await mixed.add([record('evaluate', 1, 'b.log')]);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { stages: Record<string, unknown[]> };
    assert.deepEqual(Object.keys(saved.stages).sort(), ['evaluate', 'train']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
