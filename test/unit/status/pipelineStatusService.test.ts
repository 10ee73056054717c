import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DvcCli } from '../../../src/cli/dvcCli';
import { ProcessError } from '../../../src/cli/processError';
import { RepositoryScheduler } from '../../../src/cli/repositoryScheduler';
import type { CommandRunner, ProcessRequest, ProcessResult, RunOptions } from '../../../src/cli/runner';
import type { Pipeline } from '../../../src/core/pipeline';
import { PipelineStatusService } from '../../../src/repository/pipelineStatusService';
import { recordedState } from './statusFixtures';

/** `dvc status` processes that end when the test says so and die (cancelled) when their signal fires. */
class FakeDvc implements CommandRunner {
  readonly calls: Array<{
    request: ProcessRequest;
    finish: (stdout: string) => void;
    fail: (stderr: string) => void;
    signal: AbortSignal | undefined;
  }> = [];

  run(request: ProcessRequest, options: RunOptions = {}): Promise<ProcessResult> {
    return new Promise<ProcessResult>((resolve, reject) => {
      const details = { commandLine: `dvc ${request.args.join(' ')}`, cwd: request.cwd, signal: undefined };
      const failure = (reason: 'cancelled' | 'exit', stderr: string): ProcessError =>
        new ProcessError({
          ...details,
          reason,
          exitCode: reason === 'exit' ? 1 : undefined,
          stdout: '',
          stderr,
          durationMs: 1,
        });
      options.signal?.addEventListener('abort', () => reject(failure('cancelled', '')), { once: true });
      this.calls.push({
        request,
        signal: options.signal,
        finish: (stdout) =>
          resolve({ stdout, stderr: '', exitCode: 0, durationMs: 1, commandLine: details.commandLine }),
        fail: (stderr) => reject(failure('exit', stderr)),
      });
    });
  }
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function setUp(state = 'clean', lockText?: string) {
  const recorded = recordedState(state);
  const runner = new FakeDvc();
  const cli = new DvcCli(
    { command: 'dvc', prefixArgs: [], source: 'path', version: '3.67.1' },
    new RepositoryScheduler('/repo', runner),
  );
  let lock = lockText ?? [...recorded.lockedStages].map((name) => `  ${name}: {}`).join('\n');
  const files: string[] = [];
  let pipelines: readonly Pipeline[] = recorded.pipelines;
  const service = new PipelineStatusService(
    () => cli,
    () => pipelines,
    {
      debounceMs: 20,
      readTextFile: (path) => {
        files.push(path);
        return Promise.resolve(path === '/repo/dvc.lock' ? `stages:\n${lock}\n` : undefined);
      },
    },
  );
  let changes = 0;
  service.onDidChange(() => changes++);
  return {
    runner,
    service,
    files,
    changes: () => changes,
    setPipelines: (next: readonly Pipeline[]) => (pipelines = next),
    setLock: (next: string) => (lock = next),
  };
}

void test('a refresh runs dvc status --json in the lock lane and stores the parsed statuses', async () => {
  const { runner, service, files, changes } = setUp();
  assert.equal(service.statusOf('train'), undefined);
  const outcome = service.refresh();
  await settle();
  assert.equal(service.isRefreshing, true);
  assert.equal(changes(), 1, 'told the views a refresh started');
  assert.deepEqual(runner.calls[0]?.request.args, ['status', '--json']);
  runner.calls[0].finish('{"train": [{"changed deps": {"params.yaml": {"train": "modified"}}}]}');
  assert.equal(await outcome, 'updated');
  assert.equal(service.isRefreshing, false);
  assert.equal(changes(), 2);
  assert.deepEqual(files, ['/repo/dvc.lock']);
  assert.deepEqual(service.statusOf('train'), { kind: 'changed', reasons: ['params modified: train'] });
  assert.deepEqual(service.statusOf('prepare'), { kind: 'upToDate', reasons: [] });
  assert.equal(service.all.size, 3);
});

void test('the last statuses stay while a refresh runs; a newer refresh silently replaces the older', async () => {
  const { runner, service, changes } = setUp();
  const first = service.refresh();
  await settle();
  runner.calls[0]!.finish('{}');
  await first;
  const before = changes();

  const older = service.refresh();
  await settle();
  const newer = service.refresh();
  await settle();
  assert.equal(service.statusOf('train')?.kind, 'upToDate', 'kept while refreshing');
  assert.equal(await older, 'cancelled');
  // A running `dvc status` is never killed (a kill can truncate .dvc/tmp/rwlock): it ends, unheard, and the
  // newer one follows it in the lane.
  assert.equal(runner.calls[1]?.signal?.aborted, false, 'the older process was not killed');
  assert.equal(runner.calls.length, 2, 'the newer waits for the older');
  assert.equal(service.isRefreshing, true);
  runner.calls[1]?.finish('{"train": ["changed command"]}');
  await settle();
  runner.calls[2]!.finish('{"evaluate": ["changed command"]}');
  assert.equal(await newer, 'updated');
  assert.equal(service.lastError, undefined);
  assert.equal(service.statusOf('evaluate')?.kind, 'changed');
  assert.equal(service.statusOf('train')?.kind, 'upToDate', 'the older answer was dropped');
  assert.equal(changes() - before, 2, 'one start, one result: the superseded refresh said nothing');
});

void test('a DVC failure becomes lastError, keeps the last statuses, and clears on success', async () => {
  const { runner, service, changes } = setUp();
  const first = service.refresh();
  await settle();
  runner.calls[0]!.finish('{}');
  await first;
  const failing = service.refresh();
  await settle();
  runner.calls[1]!.fail("WARNING: stage 'train' is frozen.\nERROR: './dvc.yaml' is invalid.\n\n  54   - x\n");
  assert.equal(await failing, 'failed');
  assert.equal(service.lastError, "dvc status failed: './dvc.yaml' is invalid.");
  assert.match(service.lastErrorDetail ?? '', /^dvc status --json \(exit 1\)\n.*\n.*54 {3}- x$/s);
  assert.equal(service.statusOf('train')?.kind, 'upToDate');
  assert.equal(changes(), 4);
  const again = service.refresh();
  await settle();
  runner.calls[2]!.finish('[]');
  assert.equal(await again, 'failed', 'not the shape of dvc status');
  assert.match(service.lastError ?? '', /not an object/);
  const fixed = service.refresh();
  await settle();
  runner.calls[3]!.finish('{}');
  assert.equal(await fixed, 'updated');
  assert.equal(service.lastError, undefined);
});

void test('stages missing from dvc.lock are never run; the pipelines are read at refresh time', async () => {
  const { runner, service, setPipelines } = setUp('new-stage-never-run', '  prepare: {}\n  train: {}');
  setPipelines(recordedState('new-stage-never-run').pipelines);
  const refresh = service.refresh();
  await settle();
  runner.calls[0]!.finish('{}');
  await refresh;
  assert.equal(service.statusOf('evaluate')?.kind, 'neverRun');
  assert.equal(service.statusOf('report')?.kind, 'neverRun');
  assert.equal(service.statusOf('train')?.kind, 'upToDate');
});

void test('each refresh reads dvc.lock again: a stage that ran since the last refresh is no longer never run', async () => {
  const { runner, service, files, setLock } = setUp('new-stage-never-run', '  prepare: {}\n  train: {}');
  const first = service.refresh();
  await settle();
  runner.calls[0]!.finish('{}');
  await first;
  assert.equal(service.statusOf('evaluate')?.kind, 'neverRun');
  // The stage names of an unchanged lock text are kept (its YAML parse is the costly part), so a changed
  // text must be noticed.
  setLock('  prepare: {}\n  train: {}\n  evaluate: {}');
  const second = service.refresh();
  await settle();
  runner.calls[1]!.finish('{}');
  await second;
  assert.equal(service.statusOf('evaluate')?.kind, 'upToDate');
  assert.deepEqual(files, ['/repo/dvc.lock', '/repo/dvc.lock'], 'read at each refresh');
});

void test("the caller's signal cancels quietly; without DVC nothing runs", async () => {
  const { runner, service } = setUp();
  const controller = new AbortController();
  const refresh = service.refresh(controller.signal);
  await settle();
  controller.abort();
  assert.equal(await refresh, 'cancelled');
  assert.equal(service.isRefreshing, false);
  assert.equal(service.lastError, undefined);
  assert.equal(runner.calls.length, 1);

  const idle = new PipelineStatusService(
    () => undefined,
    () => [],
  );
  assert.equal(await idle.refresh(), 'noDvc');
});

void test('scheduleRefresh collapses a burst into one dvc status', async () => {
  const { runner, service } = setUp();
  for (let index = 0; index < 5; index++) {
    service.scheduleRefresh();
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  assert.equal(runner.calls.length, 0, 'nothing before the burst is over');
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.equal(runner.calls.length, 1);
  runner.calls[0]!.finish('{}');
  await settle();
  await settle();
  assert.equal(service.statusOf('prepare')?.kind, 'upToDate');
  service.scheduleRefresh();
  service.dispose();
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.equal(runner.calls.length, 1, 'dispose cancels a scheduled refresh');
});

void test('when the whole project fails, the stages are asked in one call and each says its real state', async () => {
  const { runner, service } = setUp();
  const refresh = service.refresh();
  await settle();
  runner.calls[0]!.fail(
    "ERROR: SCM error: Failed to clone repo '/gone/source' to '/tmp/tmpx': No git repository was found at /gone/source",
  );
  await settle();
  assert.deepEqual(runner.calls[1]?.request.args, ['status', '--json', '--', 'prepare', 'train', 'evaluate']);
  runner.calls[1].fail("ERROR: failed for 'evaluate'");
  await settle();
  assert.deepEqual(runner.calls[2]?.request.args, ['status', '--json', '--', 'prepare', 'train']);
  runner.calls[2].finish('{"train": [{"changed outs": {"model.pkl": "not in cache"}}]}');
  await settle();
  await settle();
  assert.deepEqual(runner.calls[3]?.request.args, ['status', '--json', '--', 'evaluate']);
  runner.calls[3].fail(
    'ERROR: unexpected error - evaluate cannot be judged\nTraceback (most recent call last):\n  x',
  );
  assert.equal(await refresh, 'updated');
  assert.equal(service.lastError, undefined);
  assert.equal(
    service.stageByStageNote,
    'checked stage by stage: The source of an import (/gone/source) cannot be reached, so DVC cannot check or update what comes from it.',
  );
  assert.deepEqual(service.statusOf('train'), { kind: 'changed', reasons: ['outs not in cache: model.pkl'] });
  assert.deepEqual(service.statusOf('prepare'), { kind: 'upToDate', reasons: [] });
  assert.deepEqual(service.statusOf('evaluate'), {
    kind: 'unknown',
    reasons: ['evaluate cannot be judged.'],
  });
});
