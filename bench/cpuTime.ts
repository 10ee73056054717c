/**
 * CPU time of one call beside its wall time: this process's own (`process.cpuUsage`: our code, execa, the
 * parse) and that of its children that ended meanwhile (Linux `/proc/self/stat` cutime + cstime: DVC and what
 * DVC waited for). On the shared machine a DVC call's wall time swings with everyone else's work (issue 13:
 * the same 1.1 s of DVC CPU took from 1.0 to 5.6 s of wall time), its CPU time hardly does. Equal children's
 * CPU on both sides says DVC did the same work for us as bare; the difference in this process's CPU is our
 * own cost per call.
 */
import { readFile } from 'node:fs/promises';
import { median, roundMs } from './benchmark';

/** Kernel clock ticks per second for /proc times: 100 on every Linux we run on (`getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100;

/**
 * CPU milliseconds: `processMs` ours in this process, `childrenMs` of the children that ended (to the 10 ms of
 * the kernel's ticks; undefined where /proc is missing). A clock reading, one call's share, or the medians.
 */
export interface CpuTimes {
  readonly processMs: number;
  readonly childrenMs: number | undefined;
}

async function cpuClock(): Promise<CpuTimes> {
  const { user, system } = process.cpuUsage();
  return { processMs: (user + system) / 1000, childrenMs: await childrenCpuMs() };
}

async function childrenCpuMs(): Promise<number | undefined> {
  try {
    const stat = await readFile('/proc/self/stat', 'utf8');
    // Fields after the parenthesised command name: state is field 3, cutime 16 and cstime 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `call` and returns its own result with the CPU it took; the clock reads happen outside `call`. */
export async function withCpu<T>(call: () => Promise<T>): Promise<{ value: T; cpu: CpuTimes }> {
  const before = await cpuClock();
  const value = await call();
  const after = await cpuClock();
  const childrenMs =
    before.childrenMs === undefined || after.childrenMs === undefined
      ? undefined
      : after.childrenMs - before.childrenMs;
  return { value, cpu: { processMs: after.processMs - before.processMs, childrenMs } };
}

/** The medians over one side's calls, as a result file records them. */
export function cpuMedians(samples: readonly CpuTimes[]): CpuTimes {
  const children = samples.map((sample) => sample.childrenMs);
  return {
    processMs: roundMs(median(samples.map((sample) => sample.processMs))),
    childrenMs: children.every((value) => value !== undefined) ? roundMs(median(children)) : undefined,
  };
}
