/**
 * What the repro integration tests share: a ReproService on a demo copy with the pinned DVC (its calls
 * recorded), the stages a run started, and a demo copy plus a storage folder removed after the test.
 */
import { join } from 'node:path';
import type { ReproEvent } from '../../src/pipeline/run/reproOutput';
import { ReproService } from '../../src/pipeline/run/reproService';
import { StageRunHistory } from '../../src/pipeline/run/stageRunHistory';
import { makeDemoRepo, makeTempDir } from '../helpers/dvcEnvironment';
import { recordingDvcCli } from './cliFixtures';

export async function demoService(dir: string, storage: string): Promise<ReproService> {
  const { cli, scheduler } = await recordingDvcCli(dir);
  return new ReproService({
    cli,
    scheduler,
    history: StageRunHistory.forRoot(storage, dir),
    logDir: join(storage, 'logs'),
  });
}

export const ran = (events: readonly ReproEvent[]): string[] =>
  events.filter((event) => event.kind === 'started').map((event) => event.stage);

export async function withDemo(body: (dir: string, storage: string) => Promise<void>): Promise<void> {
  const repo = await makeDemoRepo({ repro: true });
  const storage = await makeTempDir('dvc-lens-storage-');
  try {
    await body(repo.dir, storage.dir);
  } finally {
    await repo.cleanup();
    await storage.cleanup();
  }
}
