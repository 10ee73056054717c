/** ReproService with a fake runner replaying recorded DVC output: states, records, log files, queueing. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DvcCli } from '../../../src/cli/dvcCli';
import { ProcessError } from '../../../src/cli/processError';
import { RepositoryScheduler } from '../../../src/cli/repositoryScheduler';
import type { CommandRunner, ProcessRequest, ProcessResult, RunOptions } from '../../../src/cli/runner';
import type { StageRunState } from '../../../src/core/status/stageStatus';
import { ReproService } from '../../../src/pipeline/run/reproService';
import { StageRunHistory } from '../../../src/pipeline/run/stageRunHistory';

const fixture = (name: string): string[] =>
  readFileSync(join(__dirname, '..', '..', 'fixtures', 'repro-output', `${name}.txt`), 'utf8')
    .split('\n')
    .slice(0, -1);

/** Replays a fixture line by line; exits with `exitCode`, or waits for the abort. */
class ReplayRunner implements CommandRunner {
  readonly requests: ProcessRequest[] = [];
  constructor(private readonly script: { lines: string[]; exitCode: number; hang?: boolean }) {}

  async run(request: ProcessRequest, options: RunOptions = {}): Promise<ProcessResult> {
    this.requests.push(request);
    const base = {
      commandLine: request.args.join(' '),
      cwd: request.cwd,
      stdout: '',
      stderr: '',
      durationMs: 5,
    };
    for (const line of this.script.lines) {
      options.onOutput?.(line, 'stdout');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    if (this.script.hang && !options.signal?.aborted)
      await new Promise((resolve) => options.signal?.addEventListener('abort', resolve, { once: true }));
    if (options.signal?.aborted)
      throw new ProcessError({ ...base, reason: 'cancelled', exitCode: undefined, signal: 'SIGTERM' });
    if (this.script.exitCode !== 0)
      throw new ProcessError({ ...base, reason: 'exit', exitCode: this.script.exitCode, signal: undefined });
    return { ...base, exitCode: 0 };
  }
}

async function setUp(script: ConstructorParameters<typeof ReplayRunner>[0]) {
  const dir = await mkdtemp(join(tmpdir(), 'dvc-lens-service-'));
  const runner = new ReplayRunner(script);
  const scheduler = new RepositoryScheduler('/repo', runner);
  const cli = new DvcCli({ command: 'dvc', prefixArgs: [], source: 'setting', version: '3.67.1' }, scheduler);
  const history = StageRunHistory.forRoot(dir, '/repo');
  const service = new ReproService({ cli, scheduler, history, logDir: join(dir, 'logs') });
  return { dir, runner, service, history, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

void test('a downstream run: flags reach DVC, states follow the output, one record per stage ran', async () => {
  const { runner, service, history, cleanup } = await setUp({ lines: fixture('downstream'), exitCode: 0 });
  try {
    const states: string[] = [];
    const result = await service.run(
      { targets: ['train'], mode: 'downstream' },
      {
        expectedStages: ['train'],
        listener: { onStageState: (stage, state) => states.push(`${stage}=${state}`) },
      },
    );
    assert.deepEqual(runner.requests[0]?.args, ['repro', '--downstream', 'train']);
    assert.deepEqual(states, [
      'train=queued',
      'train=running',
      'train=succeeded',
      'evaluate=running',
      'evaluate=succeeded',
    ]);
    assert.deepEqual(
      result.records.map((record) => [record.stage, record.outcome, record.exitCode]),
      [
        ['train', 'succeeded', 0],
        ['evaluate', 'succeeded', 0],
      ],
    );
    assert.equal(history.lastRun('evaluate')?.logFile, result.logFile);
    assert.match(
      await readFile(result.logFile, 'utf8'),
      /dvc repro --downstream train[\s\S]*train: final loss/,
    );
  } finally {
    await cleanup();
  }
});

void test('a failing stage resolves as failed with the stage, its exit code and the kept log', async () => {
  const { service, history, cleanup } = await setUp({ lines: fixture('failing'), exitCode: 255 });
  try {
    const result = await service.run({ targets: [], mode: 'all' });
    assert.equal(result.outcome, 'failed');
    assert.equal(result.failedStage, 'broken');
    assert.equal(result.exitCode, 255);
    assert.equal(history.lastRun('broken')?.exitCode, 3);
    assert.equal(history.lastRun('prepare'), undefined, 'skipped stages are not runs');
    assert.match(await readFile(result.logFile, 'utf8'), /exited with 3/);
  } finally {
    await cleanup();
  }
});

void test('cancel while a stage runs: rejects as cancelled, records cancelled, clears the state', async () => {
  const { service, history, cleanup } = await setUp({
    lines: fixture('single').slice(0, 2),
    exitCode: 0,
    hang: true,
  });
  try {
    const controller = new AbortController();
    const states: (StageRunState | undefined)[] = [];
    const run = service.run(
      { targets: ['train'], mode: 'single' },
      {
        signal: controller.signal,
        listener: {
          onStageState: (_stage, state) => {
            states.push(state);
            if (state === 'running') setTimeout(() => controller.abort(), 5);
          },
        },
      },
    );
    await assert.rejects(
      run,
      (error: unknown) => error instanceof ProcessError && error.reason === 'cancelled',
    );
    assert.deepEqual(states, ['running', undefined]);
    assert.equal(history.lastRun('train')?.outcome, 'cancelled');
  } finally {
    await cleanup();
  }
});

void test('a dry run records nothing and leaves no log file behind', async () => {
  const { dir, service, history, cleanup } = await setUp({ lines: fixture('dry'), exitCode: 0 });
  try {
    const result = await service.run({ targets: [], mode: 'all', dryRun: true });
    assert.equal(result.records.length, 0);
    assert.deepEqual(history.stages(), []);
    assert.deepEqual(await readdir(join(dir, 'logs')), []);
  } finally {
    await cleanup();
  }
});
