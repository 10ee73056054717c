/**
 * Ours against DVC's bare CLI on the same repository, in the same run: warm-up calls, then rounds that
 * alternate which side goes first, so that a burst of load on the machine hits both sides alike.
 */
import { machineDetails, median, roundMs, type BenchmarkResult } from './benchmark';
import { cpuMedians, withCpu, type CpuTimes } from './cpuTime';

export interface InterleavedOptions {
  /** One measured call each, returning its milliseconds. */
  readonly ours: () => Promise<number>;
  readonly baseline: () => Promise<number>;
  readonly rounds: number;
  readonly warmupRuns: number;
}

export interface InterleavedComparison {
  readonly oursMedian: number;
  readonly baselineMedian: number;
  /** oursMedian / baselineMedian, to four places. */
  readonly ratio: number;
  /** Each round's ours / baseline, then their median: less swayed by load that lasts a whole round. */
  readonly pairedRatioMedian: number;
  readonly oursSamples: readonly number[];
  readonly baselineSamples: readonly number[];
  readonly rounds: number;
  readonly warmupRuns: number;
  /** CPU per call, medians of each side (bench/cpuTime.ts); absent where the sides ran at once. */
  readonly cpuPerCall?: { readonly ours: CpuTimes; readonly baseline: CpuTimes };
}

export async function compareInterleaved(options: InterleavedOptions): Promise<InterleavedComparison> {
  const { ours, baseline, rounds, warmupRuns } = options;
  for (let run = 0; run < warmupRuns; run++) {
    await baseline();
    await ours();
  }
  const oursSamples: number[] = [];
  const baselineSamples: number[] = [];
  const oursCpu: CpuTimes[] = [];
  const baselineCpu: CpuTimes[] = [];
  // Each side times itself (timeOf inside the call); the CPU clocks are read around it, outside that time.
  const runOurs = async (): Promise<void> => {
    const { value, cpu } = await withCpu(ours);
    oursSamples.push(value);
    oursCpu.push(cpu);
  };
  const runBaseline = async (): Promise<void> => {
    const { value, cpu } = await withCpu(baseline);
    baselineSamples.push(value);
    baselineCpu.push(cpu);
  };
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      await runBaseline();
      await runOurs();
    } else {
      await runOurs();
      await runBaseline();
    }
  }
  const oursMedian = roundMs(median(oursSamples));
  const baselineMedian = roundMs(median(baselineSamples));
  return {
    oursMedian,
    baselineMedian,
    ratio: toRatio(oursMedian / baselineMedian),
    pairedRatioMedian: toRatio(
      median(oursSamples.map((value, index) => value / (baselineSamples[index] ?? value))),
    ),
    oursSamples,
    baselineSamples,
    rounds,
    warmupRuns,
    cpuPerCall: { ours: cpuMedians(oursCpu), baseline: cpuMedians(baselineCpu) },
  };
}

/** Milliseconds one call of `action` takes. */
export async function timeOf(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

/**
 * The result file of a refresh benchmark with a ratio goal: the shared fields (goal, overhead, samples, the
 * machine's load) and the benchmark's own `details`.
 */
export function ratioResult(
  name: string,
  comparison: InterleavedComparison,
  details: Readonly<Record<string, unknown>>,
  goalRatio = 1.05,
): BenchmarkResult {
  const { oursMedian, baselineMedian, ratio } = comparison;
  return {
    name,
    unit: 'ms',
    ours: oursMedian,
    baseline: baselineMedian,
    ratio,
    details: {
      goal: `ratio <= ${goalRatio}`,
      goalMet: ratio <= goalRatio,
      overheadMs: roundMs(oursMedian - baselineMedian),
      pairedRatioMedian: comparison.pairedRatioMedian,
      ...(comparison.cpuPerCall ? { cpuPerCallMs: cpuDetails(comparison.cpuPerCall) } : {}),
      ...details,
      ...machineDetails(),
      runs: {
        ours: comparison.rounds,
        baseline: comparison.rounds,
        warmupEach: comparison.warmupRuns,
        interleaved: true,
      },
      oursSamplesMs: comparison.oursSamples.map(roundMs),
      baselineSamplesMs: comparison.baselineSamples.map(roundMs),
    },
  };
}

/**
 * The CPU medians and what they say: DVC's work on each side (children) and our own cost per call (this
 * process's CPU over the baseline's), which load on the machine hardly moves (bench/cpuTime.ts).
 */
function cpuDetails(cpu: { readonly ours: CpuTimes; readonly baseline: CpuTimes }): Record<string, unknown> {
  return {
    ours: cpu.ours,
    baseline: cpu.baseline,
    oursOverBaselineProcessMs: roundMs(cpu.ours.processMs - cpu.baseline.processMs),
    measures:
      'medians per call: processMs = this process (process.cpuUsage), childrenMs = the processes it started and waited for (DVC; /proc/self/stat, 10 ms ticks)',
  };
}

function toRatio(value: number): number {
  return Math.round(value * 10000) / 10000;
}
