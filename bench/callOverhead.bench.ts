/**
 * call-overhead: where our per-call cost goes, without DVC's seconds hiding it. The same tiny program
 * (`cat` of a recorded `dvc exp show --json` answer, so stdout is real DVC JSON) is run by layers: a bare
 * detached spawn (the baseline, as bench/bareDvc.ts starts DVC), our ProcessRunner (execa, process-group
 * tracking, the log line), the RepositoryScheduler's read (dedupe and slot bookkeeping), and the read plus
 * the NaN-tolerant JSON parse and parseExpShow. `ours` is the whole stack; the details give each layer's
 * median, so the overhead of the refresh benchmarks (status-refresh, exp-show-refresh, data-status-10k)
 * can be split into spawn, scheduler and parse.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { RepositoryScheduler } from '../src/cli/repositoryScheduler';
import { ProcessRunner } from '../src/cli/runner';
import { parseCliJson } from '../src/core/cliJson';
import { parseExpShow } from '../src/core/experiments/parseExpShow';
import { machineDetails, median, roundMs, type Benchmark, type BenchmarkMode } from './benchmark';
import { timeOf } from './interleavedRounds';

const rounds: Record<BenchmarkMode, number> = { measure: 41, smoke: 2 };
const fixtures = resolve(__dirname, '..', 'test', 'fixtures', 'dvc-exp-show');
const FIXTURE = 'all-commits.json';

function bareCat(file: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('cat', [file], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
  });
}

export const benchmark: Benchmark = {
  name: 'call-overhead',
  async run(mode) {
    const file = join(fixtures, FIXTURE);
    const runner = new ProcessRunner({ log: { append: () => undefined } });
    const scheduler = new RepositoryScheduler(fixtures, runner);
    const request = { file: 'cat', args: [file], cwd: fixtures };
    const layers = {
      bareSpawn: () => bareCat(file),
      processRunner: () => runner.run(request),
      schedulerRead: () => scheduler.read(request, { slot: 'bench' }),
      readAndParse: async () => parseExpShow(parseCliJson((await scheduler.read(request)).stdout)),
    };
    const samples: Record<keyof typeof layers, number[]> = {
      bareSpawn: [],
      processRunner: [],
      schedulerRead: [],
      readAndParse: [],
    };
    const names = Object.keys(layers) as (keyof typeof layers)[];
    // Warm-up: execa's first load, the JIT.
    for (const name of names) await layers[name]();
    for (let round = 0; round < rounds[mode]; round++) {
      // Rotate the order each round so that load changes hit every layer alike.
      for (let index = 0; index < names.length; index++) {
        const name = names[(index + round) % names.length] as keyof typeof layers;
        samples[name].push(await timeOf(layers[name]));
      }
    }
    scheduler.dispose();
    const medians = Object.fromEntries(names.map((name) => [name, roundMs(median(samples[name]))])) as Record<
      keyof typeof layers,
      number
    >;
    return {
      name: 'call-overhead',
      unit: 'ms',
      ours: medians.readAndParse,
      baseline: medians.bareSpawn,
      ratio: Math.round((medians.readAndParse / medians.bareSpawn) * 10_000) / 10_000,
      details: {
        fixture: `cat test/fixtures/dvc-exp-show/${FIXTURE} (a recorded exp show answer)`,
        mediansMs: medians,
        layerCostMs: {
          runnerOverBareSpawn: roundMs(medians.processRunner - medians.bareSpawn),
          schedulerOverRunner: roundMs(medians.schedulerRead - medians.processRunner),
          parseOverRead: roundMs(medians.readAndParse - medians.schedulerRead),
        },
        rounds: rounds[mode],
        ...machineDetails(),
      },
    };
  },
};
