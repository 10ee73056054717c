/**
 * The runner against real processes: the failure reasons, the log line, output handling and, above all,
 * that cancelling or timing out leaves no process of the tree behind.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isProcessError } from '../../src/cli/processError';
import { isProcessRunning, listProcessTree } from '../../src/cli/processTree';
import { ProcessRunner } from '../../src/cli/runner';
import { makeTempDir } from '../helpers/dvcEnvironment';

function recordingRunner(): { runner: ProcessRunner; lines: string[] } {
  const lines: string[] = [];
  return {
    runner: new ProcessRunner({ log: { append: (line) => lines.push(line) }, killGraceMs: 1000 }),
    lines,
  };
}

/** Waits until the tree of the spawned process has at least `count` running processes; returns their pids. */
async function treeOfAtLeast(pid: () => number, count: number): Promise<number[]> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const tree = pid() > 1 ? await listProcessTree(pid()) : [];
    if (tree.length >= count) return tree;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the tree of ${pid()} never reached ${count} processes`);
}

async function runningOf(pids: readonly number[]): Promise<number[]> {
  const running: number[] = [];
  for (const pid of pids) if (await isProcessRunning(pid)) running.push(pid);
  return running;
}

void test('a missing executable fails with reason notFound and one log line', async () => {
  const { runner, lines } = recordingRunner();
  await assert.rejects(
    runner.run({ file: 'dvc-lens-no-such-program', args: ['--version'], cwd: process.cwd() }),
    (error) => {
      assert.ok(isProcessError(error, 'notFound'));
      assert.equal(error.commandLine, 'dvc-lens-no-such-program --version');
      return true;
    },
  );
  assert.equal(lines.length, 1);
  assert.match(
    lines[0]!,
    /^\[\d\d:\d\d:\d\d\.\d{3}\] dvc-lens-no-such-program --version \(cwd .+\) → not found/,
  );
});

void test('a missing working folder is not reported as a missing executable', async () => {
  const { runner } = recordingRunner();
  await assert.rejects(
    runner.run({ file: 'sh', args: ['-c', 'true'], cwd: '/dvc-lens/no/such/folder' }),
    (error) => {
      assert.ok(isProcessError(error, 'spawnFailed'));
      assert.match(error.message, /does not exist/);
      return true;
    },
  );
});

void test('a non-zero exit carries the exit code, stderr, stdout and the quoted command line', async () => {
  const { runner, lines } = recordingRunner();
  const script = 'echo partial; echo "ERROR: it broke" >&2; exit 3';
  await assert.rejects(runner.run({ file: 'sh', args: ['-c', script], cwd: process.cwd() }), (error) => {
    assert.ok(isProcessError(error, 'exit'));
    assert.equal(error.exitCode, 3);
    assert.equal(error.stderr, 'ERROR: it broke');
    assert.equal(error.stdout, 'partial');
    assert.equal(error.commandLine, `sh -c 'echo partial; echo "ERROR: it broke" >&2; exit 3'`);
    assert.match(error.message, /failed with exit code 3: ERROR: it broke/);
    assert.ok(error.durationMs > 0);
    return true;
  });
  assert.match(lines[0]!, /→ exit 3 in \d+ ms$/);
});

void test('a timeout kills the whole tree and fails with reason timeout', async () => {
  const { runner, lines } = recordingRunner();
  let rootPid = 0;
  const run = runner.run(
    // A child that ignores SIGTERM, so SIGKILL after the grace period is needed as well.
    {
      file: 'sh',
      args: ['-c', `sleep 60 & sh -c 'trap "" TERM; sleep 61' & wait`],
      cwd: process.cwd(),
      timeoutMs: 1500,
    },
    { onSpawn: (pid) => (rootPid = pid) },
  );
  const settled = run.then(
    () => undefined,
    (error: unknown) => error,
  );
  const tree = await treeOfAtLeast(() => rootPid, 4);
  const error = await settled;
  assert.ok(isProcessError(error, 'timeout'), String(error));
  assert.match(error.message, /timed out after 1500 ms/);
  assert.deepEqual(await runningOf(tree), [], 'no process of the tree survives');
  assert.match(lines[0]!, /→ timed out after \d+ ms$/);
});

void test('cancelling kills the whole tree, including a child in its own process group', async () => {
  const { runner, lines } = recordingRunner();
  const controller = new AbortController();
  let rootPid = 0;
  // `setsid` moves the second sleep out of our process group: only the parent-link walk finds it.
  const script = 'sleep 60 & (command -v setsid >/dev/null && setsid sleep 62 || sleep 62) & wait';
  const run = runner.run(
    { file: 'sh', args: ['-c', script], cwd: process.cwd() },
    { signal: controller.signal, onSpawn: (pid) => (rootPid = pid) },
  );
  const settled = run.then(
    () => undefined,
    (error: unknown) => error,
  );
  const tree = await treeOfAtLeast(() => rootPid, 3);
  controller.abort();
  const error = await settled;
  assert.ok(isProcessError(error, 'cancelled'), String(error));
  assert.deepEqual(await runningOf(tree), []);
  assert.match(lines[0]!, /→ cancelled after \d+ ms$/);
});

void test('an already aborted signal starts nothing', async () => {
  const { runner, lines } = recordingRunner();
  let spawned = false;
  await assert.rejects(
    runner.run(
      { file: 'sh', args: ['-c', 'true'], cwd: process.cwd() },
      { signal: AbortSignal.abort(), onSpawn: () => (spawned = true) },
    ),
    (error) => isProcessError(error, 'cancelled'),
  );
  assert.equal(spawned, false);
  assert.equal(lines.length, 1);
});

void test('large output is not truncated, and lines stream while the process runs', async () => {
  const { runner } = recordingRunner();
  const streamed: string[] = [];
  const result = await runner.run(
    {
      file: 'sh',
      args: [
        '-c',
        'i=0; while [ $i -lt 3 ]; do echo line$i; i=$((i+1)); done; head -c 60000000 /dev/zero | tr "\\0" x',
      ],
      cwd: process.cwd(),
    },
    { onOutput: (line, stream) => stream === 'stdout' && line.startsWith('line') && streamed.push(line) },
  );
  assert.deepEqual(streamed, ['line0', 'line1', 'line2']);
  assert.equal(result.stdout.length, 'line0\nline1\nline2\n'.length + 60_000_000);
});

void test("the environment has the DVC Lens variables, the caller's additions and process.env; stdin takes input", async () => {
  const { runner } = recordingRunner();
  const result = await runner.run({
    file: 'sh',
    args: ['-c', 'echo "$DVC_NO_ANALYTICS $DVCLIVE_OPEN $GIT_TERMINAL_PROMPT $EXTRA ${HOME:+home}"; cat'],
    cwd: process.cwd(),
    env: { EXTRA: 'extra' },
    input: 'from stdin',
  });
  assert.equal(result.stdout, 'true false 0 extra home\nfrom stdin');
});

void test('the working folder is honoured', async () => {
  const temp = await makeTempDir();
  try {
    const { runner } = recordingRunner();
    const result = await runner.run({ file: 'pwd', args: [], cwd: temp.dir });
    assert.equal(result.stdout, temp.dir);
  } finally {
    await temp.cleanup();
  }
});

void test('settleOnExit: a daemon holding the output pipes does not hold the call', async () => {
  const { runner } = recordingRunner();
  // The background sleep inherits stdout and stderr, as `dvc queue start`'s workers do; its pid is printed.
  const script = 'sleep 30 & echo $!; echo done >&2';
  const began = Date.now();
  const result = await runner.run({
    file: 'sh',
    args: ['-c', script],
    cwd: process.cwd(),
    settleOnExit: true,
  });
  process.kill(Number(result.stdout));
  assert.ok(Date.now() - began < 10_000, `took ${Date.now() - began} ms`);
  assert.equal(result.exitCode, 0);
  assert.match(result.stdout, /^\d+$/);
  assert.equal(result.stderr, 'done');
  // Without it the call waits for the pipes: shown with a short timeout, which kills the whole group.
  await assert.rejects(
    runner.run({ file: 'sh', args: ['-c', script], cwd: process.cwd(), timeoutMs: 1500 }),
    (error) => isProcessError(error, 'timeout'),
  );
});
