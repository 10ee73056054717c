/**
 * The remote job script, run for real by bash with stand-ins for git and dvc that record the exact arguments
 * they receive: hostile values arrive as one argument each and run nothing, every exit (failure, cancel)
 * removes the clone and says in the state file which step it ended in, and the push check fails a run whose
 * experiment the git remote does not hold.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import {
  experimentRef,
  lastStepInLog,
  parseRunProgress,
  remoteJobScript,
  remoteRunFiles,
  type RemoteJobScriptInput,
} from '../../../src/core/execution/remoteJobScript';

const run = promisify(execFile);
const BASELINE = '0123456789abcdef0123456789abcdef01234567';
const LOCAL_SHA = '1111111111111111111111111111111111111111';
/** Would create `<dir>/pwned` if any shell ran it as code (an absolute path: the clone's folder is removed). */
const hostile = (): string =>
  `it's "$(touch ${dir}/pwned)" \`touch ${dir}/pwned\` $HOME; rm -rf /nothing\nsecond line`;

let dir: string;

/** git and dvc stand-ins: each call appends its arguments (NUL-separated, \x01-terminated) to $CALLS. */
const STUB = `#!/bin/bash
{ printf '%s\\0' "$(basename "$0")" "$@" "author=\${GIT_AUTHOR_NAME:-}" "unbuffered=\${PYTHONUNBUFFERED:-}"; printf '\\1'; } >>"$CALLS"
tool=$(basename "$0")
if [ "\${FAIL_AT:-}" = "$tool-$1" ]; then echo "$tool $1 fails" >&2; exit 7; fi
case "$tool-$1" in
  git-clone) mkdir -p "\${@: -1}" ;;
  git-rev-parse) echo ${LOCAL_SHA} ;;
  git-ls-remote) printf '%s\\t%s\\n' "\${REMOTE_SHA:-${LOCAL_SHA}}" "$3" ;;
  dvc-exp) if [ "$2" = run ]; then echo "training"; sleep "\${TRAIN_SECONDS:-0}"; fi ;;
esac
exit 0
`;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dvc-lens-job-script-'));
  await mkdir(join(dir, 'bin'));
  for (const tool of ['git', 'dvc']) {
    await writeFile(join(dir, 'bin', tool), STUB);
    await chmod(join(dir, 'bin', tool), 0o755);
  }
});

after(() => rm(dir, { recursive: true, force: true }));

function input(overrides: Partial<RemoteJobScriptInput> = {}): RemoteJobScriptInput {
  return {
    runId: { literal: 'r1' },
    workFolder: join(dir, 'work'),
    experimentBase: 'exp',
    repositoryUrl: '/srv/git/project.git',
    baseline: BASELINE,
    overrides: [{ file: 'params.yaml', key: 'lr', value: '0.2' }],
    dvcCommand: 'dvc',
    setup: [],
    identity: { name: 'Ada', email: 'ada@example.org' },
    ...overrides,
  };
}

interface ScriptRun {
  readonly code: number;
  readonly log: string;
  readonly calls: string[][];
  readonly state: string;
}

async function runScript(
  script: string,
  env: Record<string, string> = {},
  workFolder = join(dir, 'work'),
): Promise<ScriptRun> {
  const file = join(dir, 'job.sh');
  const calls = join(dir, 'calls');
  await writeFile(file, script);
  await rm(calls, { force: true });
  const child = spawn('bash', [file], {
    cwd: dir,
    env: { PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}`, HOME: dir, CALLS: calls, ...env },
  });
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const code = await new Promise<number>((resolve) =>
    child.on('close', (exitCode) => resolve(exitCode ?? -1)),
  );
  const recorded = await readFile(calls, 'utf8').catch(() => '');
  return {
    code,
    log,
    calls: recorded
      .split('\x01')
      .filter((entry) => entry.length > 0)
      .map((entry) => entry.split('\0').slice(0, -1)),
    state: await readFile(remoteRunFiles(workFolder, 'r1').stateFile, 'utf8').catch(() => ''),
  };
}

const call = (result: ScriptRun, tool: string, first: string): string[] | undefined =>
  result.calls.find((args) => args[0] === tool && args[1] === first);

void test('the steps run in order in a clone of their own, with identity and unbuffered output; the clone goes', async () => {
  const result = await runScript(remoteJobScript(input()));
  assert.equal(result.code, 0, result.log);
  assert.deepEqual(
    result.calls.map((args) => args.slice(0, 3).join(' ')),
    [
      `git clone --quiet`,
      `git checkout --quiet`,
      'dvc pull --allow-missing',
      'dvc exp run',
      'dvc exp push',
      `git rev-parse --verify`,
      'git ls-remote origin',
    ],
  );
  assert.deepEqual(call(result, 'dvc', 'exp')?.slice(1, 7), [
    'exp',
    'run',
    '-S',
    'lr=0.2',
    '--name',
    'exp-r1',
  ]);
  assert.deepEqual(call(result, 'git', 'checkout')?.slice(1, 5), [
    'checkout',
    '--quiet',
    '--detach',
    BASELINE,
  ]);
  assert.equal(call(result, 'git', 'ls-remote')?.[3], experimentRef(BASELINE, 'exp-r1'));
  assert.ok(call(result, 'dvc', 'pull')?.includes('unbuffered=1'));
  assert.ok(call(result, 'dvc', 'pull')?.includes('author=Ada'));
  assert.match(result.log, /dvc-lens-step: clone\ndvc-lens-step: checkout\ndvc-lens-step: pull\n/);
  assert.equal(lastStepInLog(result.log), 'verify');
  assert.deepEqual(parseRunProgress(result.state), { phase: 'succeeded', step: 'verify', exitCode: 0 });
  assert.deepEqual((await readdir(join(dir, 'work'))).sort(), ['dvc-lens-r1.pid', 'dvc-lens-r1.state']);
});

void test('hostile values reach git and dvc as one argument each and run nothing', async () => {
  const HOSTILE = hostile();
  const work = join(dir, `work ${HOSTILE}`.replace(/\//g, '_'));
  const result = await runScript(
    remoteJobScript(
      input({
        workFolder: work,
        experimentBase: `x'$(touch ${dir}/pwned)`,
        repositoryUrl: `-u${HOSTILE}`,
        overrides: [{ file: 'conf/p.yaml', key: 'a.b', value: HOSTILE }],
        dvcCommand: join(dir, 'bin', 'dvc'),
        identity: { name: HOSTILE, email: `e'@x` },
      }),
    ),
    {},
    work,
  );
  assert.equal(result.code, 0, result.log);
  const clone = call(result, 'git', 'clone');
  assert.deepEqual(clone?.slice(1, 5), ['clone', '--quiet', '--no-checkout', '--']);
  assert.equal(clone?.[5], `-u${HOSTILE}`);
  const expRun = call(result, 'dvc', 'exp');
  assert.deepEqual(expRun?.slice(3, 7), [
    '-S',
    `conf/p.yaml:a.b=${HOSTILE}`,
    '--name',
    `x'$(touch ${dir}/pwned)-r1`,
  ]);
  assert.equal(expRun?.[7], `author=${HOSTILE}`);
  await assert.rejects(readFile(join(dir, 'pwned')), 'no hostile value ran');
});

void test('a value that dvc would take for an option is refused before any script exists', () => {
  assert.throws(
    () => remoteJobScript(input({ overrides: [{ file: 'params.yaml', key: '-rf', value: '1' }] })),
    /starts with '-'/,
  );
  assert.throws(() => remoteJobScript(input({ baseline: 'main' })), /full commit sha/);
  assert.throws(() => remoteJobScript(input({ runId: { literal: '1; rm -rf ~' } })), /run id/);
  assert.throws(() => remoteJobScript(input({ setup: ['module load x\nrm -rf ~'] })), /line break/);
  assert.throws(() => remoteJobScript(input({ header: ['#SBATCH --x\n#SBATCH --y'] })), /line break/);
});

void test('a failing step ends the run there: state file and log name it, the clone is gone', async () => {
  for (const [failAt, step] of [
    ['git-clone', 'clone'],
    ['dvc-pull', 'pull'],
    ['dvc-exp', 'run'],
  ] as const) {
    const result = await runScript(remoteJobScript(input()), { FAIL_AT: failAt });
    assert.equal(result.code, 7, failAt);
    assert.deepEqual(parseRunProgress(result.state), { phase: 'failed', step, exitCode: 7 }, failAt);
    assert.match(result.log, new RegExp(`dvc-lens-failed: ${step} \\(exit code 7\\)`));
    assert.deepEqual(await readdir(join(dir, 'work', 'dvc-lens-r1')).catch(() => 'gone'), 'gone');
  }
});

void test('an experiment the git remote holds differently (a name taken there) fails the run at verify', async () => {
  const result = await runScript(remoteJobScript(input()), { REMOTE_SHA: '2'.repeat(40) });
  assert.equal(result.code, 3);
  assert.deepEqual(parseRunProgress(result.state), { phase: 'failed', step: 'verify', exitCode: 3 });
  assert.match(result.log, /does not hold experiment exp-r1 as it ran here \(remote: 2{40}, here: 1{40}\)/);
});

void test('TERM (scancel, cancel over SSH) ends the run as cancelled in its step and removes the clone', async () => {
  const file = join(dir, 'cancel.sh');
  await writeFile(file, remoteJobScript(input()));
  await rm(join(dir, 'calls'), { force: true });
  const child = spawn('setsid', ['bash', file], {
    cwd: dir,
    env: {
      PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}`,
      HOME: dir,
      CALLS: join(dir, 'calls'),
      TRAIN_SECONDS: '30',
    },
    stdio: 'ignore',
  });
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const stateFile = remoteRunFiles(join(dir, 'work'), 'r1').stateFile;
  const deadline = Date.now() + 10_000;
  while (!(await readFile(stateFile, 'utf8').catch(() => '')).startsWith('running run')) {
    assert.ok(Date.now() < deadline, 'the run step started');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // As Slurm and the SSH target do: the whole group (the script and what it runs) gets TERM.
  process.kill(-(child.pid ?? 0), 'SIGTERM');
  await closed;
  assert.deepEqual(parseRunProgress(await readFile(stateFile, 'utf8')), {
    phase: 'cancelled',
    step: 'run',
    exitCode: 143,
  });
  await assert.rejects(readdir(join(dir, 'work', 'dvc-lens-r1')));
});

void test('under Slurm the run id is the job id, read when the job runs', async () => {
  const script = remoteJobScript(input({ runId: { variable: 'SLURM_JOB_ID' } }));
  const result = await runScript(script, { SLURM_JOB_ID: 'r1' });
  assert.equal(result.code, 0, result.log);
  assert.equal(call(result, 'dvc', 'exp')?.[6], 'exp-r1');
  const without = await runScript(script);
  assert.notEqual(without.code, 0);
  assert.match(without.log, /the run id variable is not set/);
  assert.deepEqual(without.calls, []);
});

void test('Slurm header lines follow the shebang; setup lines run before the first git call', async () => {
  const script = remoteJobScript(
    input({ header: ['#SBATCH --account=ml'], setup: ['export PATH="$HOME/tools:$PATH"', 'echo setup ran'] }),
  );
  assert.match(script, /^#!\/bin\/bash\n#SBATCH --account=ml\n/);
  const result = await runScript(script);
  assert.match(result.log, /dvc-lens-step: setup\nsetup ran\ndvc-lens-step: clone/);
  await run('bash', ['-n', join(dir, 'job.sh')]);
});
