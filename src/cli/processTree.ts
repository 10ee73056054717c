/**
 * Kills a process together with everything it started. DVC runs a stage as python → shell → the stage's own
 * programs (which may start more), so killing the direct child alone leaves the real work running and DVC's
 * rwlock entries pointing at live processes.
 *
 * POSIX: runner.ts starts every child as the leader of its own process group (`detached: true`); we signal the
 * group and, in addition, every descendant found by walking `ps` parent links (a descendant may have moved to
 * its own group or session). SIGTERM first, SIGKILL for whatever is left after the grace period.
 * Windows: `taskkill /T /F` walks the tree itself.
 *
 * Only this file and runner.ts may use child_process (lint rule).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const POLL_MS = 50;
const AFTER_SIGKILL_WAIT_MS = 2000;

interface ProcessEntry {
  readonly pid: number;
  readonly ppid: number;
  readonly pgid: number;
  /** Exited but not yet reaped; it cannot be killed and holds no resources worth waiting for. */
  readonly zombie: boolean;
}

/** Process groups started by runner.ts and not yet known to be gone; killed if this process exits. */
const liveGroups = new Set<number>();
let exitHookInstalled = false;

/**
 * Remembers a process group so that it is terminated when the extension host exits: `detached` children
 * otherwise outlive us (execa's own cleanup skips detached children).
 */
export function trackProcessGroup(pid: number): () => void {
  if (process.platform === 'win32' || pid <= 1) return () => undefined;
  liveGroups.add(pid);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const group of liveGroups) signalQuietly(-group, 'SIGTERM');
    });
  }
  return () => liveGroups.delete(pid);
}

/**
 * Terminates `pid` and all its descendants; resolves when none is left running (or, for a process that
 * ignores even SIGKILL, after a bounded wait).
 */
export async function killProcessTree(pid: number, graceMs: number): Promise<void> {
  // kill(-0) or kill(-1) would signal our own group or every process we may signal: never.
  if (!Number.isInteger(pid) || pid <= 1) return;
  if (process.platform === 'win32') {
    await execFileAsync('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true }).catch(
      () => undefined,
    );
    return;
  }
  let known = treeMembers(pid, (await listProcesses()) ?? []);
  signalAll(pid, known, 'SIGTERM');
  if (await waitUntilGone(pid, known, graceMs, (members) => (known = members))) return;
  signalAll(pid, known, 'SIGKILL');
  await waitUntilGone(pid, known, AFTER_SIGKILL_WAIT_MS, (members) => (known = members));
}

/** True while `pid` runs (a zombie counts as gone). For tests and diagnostics. */
export async function isProcessRunning(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (process.platform !== 'linux') {
    const entry = (await listProcesses())?.find((candidate) => candidate.pid === pid);
    return entry === undefined || !entry.zombie;
  }
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The state follows the parenthesised command name, which may itself contain spaces or parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** pids of the process tree rooted at `rootPid` (its group and its descendants by parent link), not zombies. */
export async function listProcessTree(rootPid: number): Promise<number[]> {
  if (!Number.isInteger(rootPid) || rootPid <= 1) return [];
  return [...treeMembers(rootPid, (await listProcesses()) ?? [])];
}

async function waitUntilGone(
  rootPid: number,
  previous: ReadonlySet<number>,
  timeoutMs: number,
  update: (members: Set<number>) => void,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let members = new Set(previous);
  for (;;) {
    const table = await listProcesses();
    if (table === undefined) {
      // Without `ps` only the group is observable: kill(-pid, 0) fails once no member is left.
      if (!groupExists(rootPid)) return true;
      if (Date.now() >= deadline) return false;
      await delay(POLL_MS);
      continue;
    }
    const running = new Set(table.filter((entry) => !entry.zombie).map((entry) => entry.pid));
    // Keep descendants seen earlier: once their parent died they hang off init and no walk finds them again.
    members = new Set([...treeMembers(rootPid, table), ...[...members].filter((pid) => running.has(pid))]);
    update(members);
    if (members.size === 0) return true;
    if (Date.now() >= deadline) return false;
    await delay(POLL_MS);
  }
}

function treeMembers(rootPid: number, table: readonly ProcessEntry[]): Set<number> {
  const childrenOf = new Map<number, ProcessEntry[]>();
  for (const entry of table) {
    const siblings = childrenOf.get(entry.ppid) ?? [];
    siblings.push(entry);
    childrenOf.set(entry.ppid, siblings);
  }
  const members = new Set<number>();
  const pending = table.filter((entry) => entry.pid === rootPid || entry.pgid === rootPid);
  while (pending.length > 0) {
    const entry = pending.pop()!;
    if (members.has(entry.pid) || entry.pid === process.pid) continue;
    if (!entry.zombie) members.add(entry.pid);
    pending.push(...(childrenOf.get(entry.pid) ?? []));
  }
  return members;
}

/** Every process on the machine, or undefined when `ps` is not available. */
async function listProcesses(): Promise<ProcessEntry[] | undefined> {
  try {
    const { stdout } = await execFileAsync('ps', ['-A', '-o', 'pid=,ppid=,pgid=,stat='], {
      maxBuffer: 1 << 24,
    });
    const entries: ProcessEntry[] = [];
    for (const line of stdout.split('\n')) {
      const [pid, ppid, pgid, stat] = line.trim().split(/\s+/);
      if (!pid || !ppid || !pgid) continue;
      entries.push({
        pid: Number(pid),
        ppid: Number(ppid),
        pgid: Number(pgid),
        zombie: (stat ?? '').startsWith('Z'),
      });
    }
    return entries;
  } catch {
    // No usable `ps` (minimal containers): fall back to the process group alone, which kill(-pid) still reaches.
    return undefined;
  }
}

function signalAll(rootPid: number, members: ReadonlySet<number>, signal: NodeJS.Signals): void {
  signalQuietly(-rootPid, signal);
  for (const pid of members) signalQuietly(pid, signal);
}

function groupExists(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone (ESRCH) or not ours (EPERM): nothing left to do for this one.
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
