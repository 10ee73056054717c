/**
 * Hostile and huge inputs (issue 14): an alias bomb in `vars`, vars nested 2,000 deep, 20,000 stages and a
 * 50 MB params.yaml, each read the way the extension host reads a pipeline (stat, read bytes, parse in the
 * pipeline parse worker, take its answer). Measured per scenario: the longest stall of the host's event loop
 * while the worker works (perf_hooks.monitorEventLoopDelay) and the time until the pipeline, or its error,
 * is back. Baseline: `dvc stage list` on the same repository (a fresh process; given up after 30 s). Goals:
 * the host never blocked 50 ms or more; each error back within 2 s.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import type { Pipeline } from '../src/core/pipeline/model';
import { MAX_IN_HOST_FILE_BYTES } from '../src/core/parseLimits/parseLimits';
import type { WorkspaceFile } from '../src/core/pipeline/workspacePipeline';
import { PipelineParseClient } from '../src/repository/pipelineParseClient';
import { makeDvcRepo, pinnedDvcPath } from '../test/helpers/dvcEnvironment';
import {
  aliasBombDvcYaml,
  deepVarsDvcYaml,
  largeParamsYaml,
  manyStagesDvcYaml,
} from '../test/unit/hostileInputs/hostileDocuments';
import { machineDetails, median, roundMs, type Benchmark, type BenchmarkMode } from './benchmark';

const hostBlockGoalMs = 50;
const errorGoalMs = 2000;
/** `dvc stage list` is given up after this long (a smoke run only proves the path works). */
const dvcTimeoutMsOf = { measure: 30_000, smoke: 3_000 } as const;

interface Scenario {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  /** Whether the outcome is an error at the file (the budget's message), or a pipeline read in full. */
  readonly expectsError: boolean;
  readonly rounds: number;
}

/** Smoke: one round each, 5 MB params (still past the 4 MB budget) and 500 stages. */
function scenariosFor(mode: BenchmarkMode): readonly Scenario[] {
  const smoke = mode === 'smoke';
  const rounds = (measured: number): number => (smoke ? 1 : measured);
  const stages = smoke ? 500 : 20_000;
  return [
    {
      name: 'alias bomb (9 levels of 9) in vars',
      files: { 'dvc.yaml': aliasBombDvcYaml(9, 9) },
      expectsError: true,
      rounds: rounds(5),
    },
    {
      name: 'vars nested 2,000 deep',
      files: { 'dvc.yaml': deepVarsDvcYaml(2000) },
      expectsError: true,
      rounds: rounds(5),
    },
    {
      name: '50 MB params.yaml',
      files: {
        'dvc.yaml': 'stages:\n  train:\n    cmd: echo ${train.key_1}\n',
        'params.yaml': largeParamsYaml(smoke ? 5 : 50),
      },
      expectsError: true,
      rounds: rounds(5),
    },
    {
      name: `${stages.toLocaleString('en')} stages`,
      files: {
        'dvc.yaml': manyStagesDvcYaml(stages),
        'params.yaml': `train:\n${Array.from({ length: 50 }, (_, index) => `  k${index}: ${index}`).join('\n')}\n`,
      },
      expectsError: false,
      rounds: rounds(2),
    },
  ];
}

/** What pipelineReader does, with fs/promises in place of vscode.workspace.fs. */
async function readFileForWorker(path: string): Promise<WorkspaceFile> {
  try {
    const { size } = await stat(path);
    if (size > MAX_IN_HOST_FILE_BYTES) return { kind: 'tooLarge', size };
    return { kind: 'bytes', bytes: new Uint8Array(await readFile(path)) };
  } catch {
    return { kind: 'missing' };
  }
}

async function readThroughWorker(client: PipelineParseClient, dir: string): Promise<Pipeline> {
  const dvcYaml = await readFileForWorker(join(dir, 'dvc.yaml'));
  const names = await client.paramsFiles('dvc.yaml', dvcYaml);
  const contents = await Promise.all(names.map((name) => readFileForWorker(join(dir, name))));
  return client.pipeline({
    file: 'dvc.yaml',
    dvcYaml,
    paramsFiles: new Map(names.map((name, index) => [name, contents[index] ?? { kind: 'missing' as const }])),
    dvcLock: await readFileForWorker(join(dir, 'dvc.lock')),
  });
}

function dvcStageList(
  dvcPath: string,
  dir: string,
  dvcTimeoutMs: number,
): Promise<{ ms: number; outcome: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      dvcPath,
      ['stage', 'list'],
      { cwd: dir, timeout: dvcTimeoutMs, maxBuffer: 1 << 26 },
      (error, stdout, stderr) => {
        const ms = performance.now() - started;
        if (error?.killed) resolve({ ms, outcome: `gave up after ${dvcTimeoutMs / 1000} s` });
        else if (error) resolve({ ms, outcome: `error: ${(stderr || error.message).split('\n')[0] ?? ''}` });
        else
          resolve({
            ms,
            outcome: `${stdout.split('\n').filter((line) => line.trim() !== '').length} stages`,
          });
      },
    );
  });
}

/** The worker as the extension ships it: bundled by esbuild into one CommonJS file. */
async function bundledWorker(folder: string): Promise<string> {
  const outfile = join(folder, 'pipelineParseWorker.js');
  await esbuild.build({
    entryPoints: ['src/repository/pipelineParseWorker.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  return outfile;
}

export const benchmark: Benchmark = {
  name: 'hostile-inputs',
  async run(mode) {
    const scenarios = scenariosFor(mode);
    const dvcTimeoutMs = dvcTimeoutMsOf[mode];
    const build = await mkdtemp(join(tmpdir(), 'dvc-lens-worker-'));
    const client = new PipelineParseClient(await bundledWorker(build));
    const dvcPath = await pinnedDvcPath();
    const results: Record<string, unknown>[] = [];
    try {
      // Starts the worker, so that its start-up is not counted against the first scenario.
      await client.paramsFiles('dvc.yaml', { kind: 'missing' });
      for (const scenario of scenarios) {
        const repo = await makeDvcRepo();
        try {
          for (const [name, text] of Object.entries(scenario.files))
            await writeFile(join(repo.dir, name), text);
          // Several rounds: on a loaded machine one stall can be the OS not scheduling this thread at all.
          const blocked: number[] = [];
          const took: number[] = [];
          let pipeline: Pipeline | undefined;
          for (let round = 0; round < scenario.rounds; round++) {
            // A different comment per round defeats the worker's one-entry parse cache: every round parses cold.
            const dvcYaml = scenario.files['dvc.yaml'] ?? '';
            await writeFile(join(repo.dir, 'dvc.yaml'), `${dvcYaml}# round ${round}\n`);
            const loop = monitorEventLoopDelay({ resolution: 5 });
            loop.enable();
            const started = performance.now();
            pipeline = await readThroughWorker(client, repo.dir);
            took.push(performance.now() - started);
            loop.disable();
            blocked.push(loop.max / 1e6);
          }
          const hostBlockedMs = median(blocked);
          const tookMs = median(took);
          const error = pipeline?.problems.find((problem) => problem.severity === 'error');
          if (scenario.expectsError !== (error !== undefined))
            throw new Error(`${scenario.name}: ${error ? `unexpected error: ${error.message}` : 'no error'}`);
          const baseline = await dvcStageList(dvcPath, repo.dir, dvcTimeoutMs);
          results.push({
            scenario: scenario.name,
            hostBlockedMs: roundMs(hostBlockedMs),
            hostBlockedMeasure: 'median of the rounds',
            timeToResultMs: roundMs(tookMs),
            hostBlockedSamplesMs: blocked.map(roundMs),
            timeToResultSamplesMs: took.map(roundMs),
            outcome: error ? `${error.file}: ${error.message}` : `${pipeline?.stages.length ?? 0} stages`,
            goalMet: hostBlockedMs < hostBlockGoalMs && (!scenario.expectsError || tookMs < errorGoalMs),
            dvcStageListMs: roundMs(baseline.ms),
            dvcOutcome: baseline.outcome,
            bytes: Object.values(scenario.files).reduce((total, text) => total + Buffer.byteLength(text), 0),
          });
        } finally {
          await repo.cleanup();
        }
      }
    } finally {
      client.dispose();
      await rm(build, { recursive: true, force: true });
    }
    const worstBlock = Math.max(...results.map((result) => result.hostBlockedMs as number));
    const worstBaseline = Math.max(...results.map((result) => result.dvcStageListMs as number));
    return {
      name: 'hostile-inputs',
      unit: 'ms',
      ours: worstBlock,
      baseline: worstBaseline,
      ratio: Math.round((worstBlock / worstBaseline) * 10000) / 10000,
      details: {
        goal: `host blocked < ${hostBlockGoalMs} ms in every scenario; each error back within ${errorGoalMs} ms`,
        goalMet: results.every((result) => result.goalMet === true),
        oursMeasures:
          'the longest event-loop stall of the host thread (monitorEventLoopDelay, 5 ms resolution) while the pipeline parse worker reads the scenario; ours = the worst scenario',
        baselineMeasures: `dvc stage list on the same repository (fresh process, given up after ${dvcTimeoutMs / 1000} s); baseline = the slowest scenario`,
        scenarios: results,
        dvcVersion: await new Promise<string>((resolve) =>
          execFile(dvcPath, ['--version'], (_error, stdout) => resolve(stdout.trim())),
        ),
        ...machineDetails(),
      },
    };
  },
};
