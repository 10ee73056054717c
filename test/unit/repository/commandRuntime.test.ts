/** The command runtime's steps, driven through a recording editor: no VS Code, no DVC. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DvcCli } from '../../../src/cli/dvcCli';
import type { GitCli } from '../../../src/cli/gitCli';
import {
  DVC_MISSING_MESSAGE,
  NO_REPOSITORY_MESSAGE,
  runInRepository,
  runRepositoryCommand,
  type CommandEnvironment,
  type CommandRepository,
  type RepositoryResolution,
} from '../../../src/repository/commandRuntime';
import { ProcessError } from '../../../src/cli/processError';
import { restrictedModeMessage } from '../../../src/trust/restrictedModeMessage';

class Cancelled extends Error {}

interface FakeRepository extends CommandRepository {
  readonly name: string;
}

const dvc = { kind: 'dvc' } as unknown as DvcCli;
const git = { kind: 'git' } as unknown as GitCli;

function repository(name: string, withDvc = true): FakeRepository {
  return { name, git, dvc: () => Promise.resolve(withDvc ? dvc : undefined) };
}

/** An environment that records what the person would see. */
function environment(
  options: {
    trusted?: boolean;
    resolution?: RepositoryResolution<FakeRepository>;
    cancelProgress?: boolean;
  } = {},
) {
  const shown: string[] = [];
  const refreshed: string[] = [];
  const progressTitles: string[] = [];
  const resolveTitles: string[] = [];
  const env: CommandEnvironment<FakeRepository> = {
    ui: {
      warn: (message) => shown.push(`warn: ${message}`),
      inform: (message) => shown.push(`info: ${message}`),
      showErrorWithLog: (message) => shown.push(`error+log: ${message}`),
      withProgress: async (title, task) => {
        progressTitles.push(title);
        const controller = new AbortController();
        if (options.cancelProgress) controller.abort();
        return task(controller.signal, (message) => progressTitles.push(`  ${message}`));
      },
    },
    isTrusted: () => options.trusted ?? true,
    resolve: (_argument, request) => {
      resolveTitles.push(request.title);
      return Promise.resolve(options.resolution ?? { repository: repository('main') });
    },
    isCancellation: (error) => error instanceof Cancelled,
    refresh: (target, names) => {
      refreshed.push(`${target.name}: ${names.join(', ')}`);
      return Promise.resolve();
    },
  };
  return { env, shown, refreshed, progressTitles, resolveTitles };
}

void test('Restricted Mode refuses with the restricted message and runs nothing', async () => {
  const { env, shown, refreshed } = environment({ trusted: false });
  let ran = false;
  const result = await runRepositoryCommand(env, { needsDvc: true, refreshes: ['data'] }, [], () => {
    ran = true;
    return Promise.resolve(1);
  });
  assert.equal(result, undefined);
  assert.equal(ran, false);
  assert.deepEqual(shown, [`warn: ${restrictedModeMessage}`]);
  assert.deepEqual(refreshed, []);
});

void test('a command may say its own refusal in Restricted Mode', async () => {
  const { env, shown } = environment({ trusted: false });
  await runRepositoryCommand(env, { restricted: 'no init here' }, [], () => Promise.resolve());
  assert.deepEqual(shown, ['warn: no init here']);
});

void test('no repository: says so (its own text or the general one) and runs nothing', async () => {
  for (const missing of ['none', 'unknown'] as const) {
    const { env, shown } = environment({ resolution: { missing } });
    let ran = false;
    await runRepositoryCommand(env, {}, [], () => Promise.resolve(void (ran = true)));
    assert.equal(ran, false);
    assert.deepEqual(shown, [`info: ${NO_REPOSITORY_MESSAGE}`]);
  }
  const { env, shown } = environment({ resolution: { missing: 'none' } });
  await runRepositoryCommand(env, { noRepository: 'no experiments here' }, [], () => Promise.resolve());
  assert.deepEqual(shown, ['info: no experiments here']);
});

void test('a closed pick says nothing and runs nothing', async () => {
  const { env, shown } = environment({ resolution: { missing: 'closed' } });
  let ran = false;
  await runRepositoryCommand(env, {}, [], () => Promise.resolve(void (ran = true)));
  assert.equal(ran, false);
  assert.deepEqual(shown, []);
});

void test('the pick is titled by the command', async () => {
  const { env, resolveTitles } = environment();
  await runRepositoryCommand(env, { pickTitle: 'Push which?' }, [], () => Promise.resolve());
  await runRepositoryCommand(env, {}, [], () => Promise.resolve());
  assert.deepEqual(resolveTitles, ['Push which?', 'Which repository?']);
});

void test('DVC missing: the DVC-not-found error with Show Log, the handler never runs', async () => {
  const { env, shown, refreshed } = environment({ resolution: { repository: repository('main', false) } });
  let ran = false;
  const result = await runRepositoryCommand(env, { needsDvc: true, refreshes: ['data'] }, [], () =>
    Promise.resolve(void (ran = true)),
  );
  assert.equal(result, undefined);
  assert.equal(ran, false);
  assert.deepEqual(shown, [`error+log: ${DVC_MISSING_MESSAGE}`]);
  assert.deepEqual(refreshed, []);
});

void test('without needsDvc the handler runs without DVC (git only)', async () => {
  const { env, shown } = environment({ resolution: { repository: repository('main', false) } });
  const seen = await runRepositoryCommand(env, {}, [], (context) =>
    Promise.resolve({ dvc: context.dvc, git: context.git }),
  );
  assert.deepEqual(seen, { dvc: undefined, git });
  assert.deepEqual(shown, []);
});

void test('the handler gets the repository, DVC, git and the arguments; its result is the command result', async () => {
  const { env } = environment();
  const result = await runRepositoryCommand(env, { needsDvc: true }, ['first', 2], (context) =>
    Promise.resolve([context.repository.name, context.dvc, context.git, context.args]),
  );
  assert.deepEqual(result, ['main', dvc, git, ['first', 2]]);
});

void test('progress: the handler runs behind "DVC Lens: title" and reports lines under it', async () => {
  const { env, progressTitles, refreshed } = environment();
  await runRepositoryCommand(env, { progress: 'pushing', refreshes: ['data', 'remotes'] }, [], (context) => {
    context.progress.report('3 files');
    return Promise.resolve();
  });
  assert.deepEqual(progressTitles, ['DVC Lens: pushing', '  3 files']);
  assert.deepEqual(refreshed, ['main: data, remotes']);
});

void test('cancel: no error is shown and the named state is still refreshed', async () => {
  const { env, shown, refreshed } = environment({ cancelProgress: true });
  const result = await runRepositoryCommand(
    env,
    { progress: 'pulling', refreshes: ['data'] },
    [],
    (context) => {
      assert.ok(context.signal.aborted);
      return Promise.reject(new Cancelled('cancelled'));
    },
  );
  assert.equal(result, undefined);
  assert.deepEqual(shown, []);
  assert.deepEqual(refreshed, ['main: data']);
});

void test('an error is shown with Show Log, titled by the progress it failed in, and the state refreshed', async () => {
  const { env, shown, refreshed } = environment();
  const result = await runRepositoryCommand(env, { refreshes: ['experiments'] }, [], async (context) => {
    await context.progress.run('dvc exp apply exp-1', () => Promise.reject(new Error('ERROR: no such exp')));
  });
  assert.equal(result, undefined);
  assert.deepEqual(shown, ['error+log: DVC Lens: dvc exp apply exp-1 failed: ERROR: no such exp']);
  assert.deepEqual(refreshed, ['main: experiments']);
});

void test('a command words its own failure', async () => {
  const { env, shown } = environment();
  await runRepositoryCommand(
    env,
    { progress: 'tracking data', failure: (error, title) => `${title} / ${(error as Error).message}` },
    [],
    () => Promise.reject(new Error('boom')),
  );
  assert.deepEqual(shown, ['error+log: tracking data / boom']);
});

void test('nothing ran behind progress (the person dismissed a prompt): nothing is refreshed', async () => {
  const { env, refreshed, shown } = environment();
  await runRepositoryCommand(env, { refreshes: ['data'] }, [], () => Promise.resolve(undefined));
  assert.deepEqual(refreshed, []);
  assert.deepEqual(shown, []);
});

void test('runInRepository: a repository found from targets skips the pick but keeps trust and DVC', async () => {
  const refusedEnv = environment({ trusted: false });
  assert.equal(
    await runInRepository(refusedEnv.env, repository('a'), {}, [], () => Promise.resolve(1)),
    undefined,
  );
  assert.deepEqual(refusedEnv.shown, [`warn: ${restrictedModeMessage}`]);
  const { env, resolveTitles, refreshed } = environment();
  const result = await runInRepository(
    env,
    repository('nested'),
    { needsDvc: true, refreshes: ['data'] },
    [],
    (context) => context.progress.run('checking out', () => Promise.resolve(context.repository.name)),
  );
  assert.equal(result, 'nested');
  assert.deepEqual(resolveTitles, []);
  assert.deepEqual(refreshed, ['nested: data']);
});

void test('a progress step may word its own failure (it knows what it was given)', async () => {
  const { env, shown } = environment();
  await runRepositoryCommand(env, { failure: () => 'the command failure' }, [], async (context) => {
    await context.progress.run(
      'building the report against HEAD',
      () => Promise.reject(new Error('no metrics')),
      (error) => `could not build the report against HEAD: ${(error as Error).message}`,
    );
  });
  assert.deepEqual(shown, ['error+log: could not build the report against HEAD: no metrics']);
});

function dvcExit(stderr: string): ProcessError {
  return new ProcessError({
    reason: 'exit',
    commandLine: 'dvc push -r archive',
    cwd: '/repo',
    exitCode: 255,
    signal: undefined,
    stdout: '',
    stderr,
    durationMs: 5,
  });
}

void test("DVC's failure is said in one translated sentence with its action; the raw text goes to the log", async () => {
  const { env } = environment();
  const offered: string[] = [];
  const acted: string[] = [];
  const withActions: CommandEnvironment<FakeRepository> = {
    ...env,
    ui: {
      ...env.ui,
      showErrorWithAction: (message, action, detail) => {
        offered.push(message, action, detail ?? '');
        return Promise.resolve(true);
      },
    },
    runFailureAction: (target, action) => {
      acted.push(`${target.name}: ${JSON.stringify(action)}`);
      return Promise.resolve();
    },
  };
  const stderr =
    "ERROR: unexpected error - s3 is supported, but requires 'dvc-s3' to be installed: No module named 'dvc_s3'\n\nHaving any troubles? Hit us up at https://dvc.org/support, we are always happy to help!";
  await runRepositoryCommand(withActions, { progress: 'pushing' }, [], () => Promise.reject(dvcExit(stderr)));
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(
    offered[0],
    'DVC Lens: pushing failed: The s3 remote needs the dvc-s3 package, which is not installed where DVC runs.',
  );
  assert.equal(offered[1], 'Install dvc-s3');
  assert.match(
    offered[2] ?? '',
    /^dvc push -r archive \(exit 255\)\nERROR: unexpected error - s3 is supported/,
  );
  assert.deepEqual(acted, ['main: {"kind":"installPlugin","packageName":"dvc-s3"}']);
});

void test('Retry runs the command again; a notification keeps three lines at most', async () => {
  const { env, shown } = environment();
  let calls = 0;
  const retrying: CommandEnvironment<FakeRepository> = {
    ...env,
    ui: { ...env.ui, showErrorWithAction: () => Promise.resolve(calls === 1) },
  };
  await runRepositoryCommand(retrying, {}, [], () => {
    calls++;
    return Promise.reject(
      dvcExit('ERROR: Unable to acquire lock. Most likely another DVC process is running'),
    );
  });
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(calls, 2);

  await runRepositoryCommand(env, { failure: () => 'one\ntwo\nthree\nfour\nfive' }, [], () =>
    Promise.reject(new Error('x')),
  );
  assert.equal(shown.at(-1), 'error+log: one\ntwo\nthree … (the rest is in the log)');
});
