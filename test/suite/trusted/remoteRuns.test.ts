/**
 * Remote runs from the editor on a REAL single-node Slurm cluster (started here, stopped in `after` even when a
 * test fails) with the demo workspace: a git remote (bare repository) and a DVC remote (folder) in a temp
 * folder, a compute target added with Add Compute Target, Queue Experiment asking where, the preflight's
 * Push and Submit, the rows' states, Cancel, Show Log and Remove Row, and the experiment pulled home.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { shownRunState, remoteRunKey, type RemoteRunEntry } from '../../../src/core/execution/remoteRunEntry';
import { allExperiments } from '../../../src/core/experiments/experimentModel';
import type { ExperimentsViewNode } from '../../../src/experiments/experimentsTreeProvider';
import { RemoteRunStore } from '../../../src/experiments/remote/remoteRunStore';
import type { OutputLog } from '../../../src/log/outputLog';
import { startSlurmCluster, type SlurmCluster } from '../../helpers/slurmCluster';
import { extensionApi, waitFor, workspaceRoot } from '../suiteHelpers';

const run = promisify(execFile);
const TARGET = 'suite cluster';
const GIT_REMOTE = 'suite-origin';
/** A second target whose jobs wait in their setup step: a run that is surely running when it is cancelled. */
const SLOW_TARGET = 'suite slow cluster';

/** Files this suite changes in the shared workspace: their bytes go back in `after`. */
const savedFiles = ['.git/config', '.dvc/config'];

describe('remote runs on a Slurm cluster', function () {
  this.timeout(600_000);
  let cluster: SlurmCluster | undefined;
  let temp = '';
  let originalHead = '';
  const saved = new Map<string, Uint8Array>();
  const savedEnv = { SLURM_CONF: process.env.SLURM_CONF, PATH: process.env.PATH };
  const restorers: Array<() => void> = [];
  const uri = (path: string): vscode.Uri => vscode.Uri.joinPath(workspaceRoot(), path);
  const inWorkspace = async (file: string, args: readonly string[]): Promise<string> =>
    (
      await run(file, [...args], {
        cwd: workspaceRoot().fsPath,
        env: { ...process.env, DVC_NO_ANALYTICS: '1' },
      })
    ).stdout;

  /** Replaces a `vscode.window` function until the test ends. */
  function replaceWindow<K extends 'showQuickPick' | 'showWarningMessage' | 'showInputBox'>(
    key: K,
    replacement: (...args: unknown[]) => unknown,
  ): void {
    const window = vscode.window as unknown as Record<string, unknown>;
    const original = window[key];
    window[key] = replacement;
    restorers.push(() => {
      window[key] = original;
    });
  }

  const runsOf = async (): Promise<RemoteRunEntry[]> =>
    (await extensionApi()).experiments.remote.runs.list(workspaceRoot().toString());

  before(async () => {
    const api = await extensionApi();
    const dvcPath = (await waitFor('DVC to be located', () => api.locator.ready()))?.command ?? 'dvc';
    cluster = await startSlurmCluster({ cpus: 1 });
    // The Slurm client tools of this cluster: the extension runs them from this process's environment.
    process.env.SLURM_CONF = cluster.env.SLURM_CONF;
    process.env.PATH = cluster.env.PATH ?? process.env.PATH;
    temp = await mkdtemp(join(tmpdir(), 'dvc-lens-suite-remote-runs-'));
    for (const path of savedFiles) saved.set(path, await vscode.workspace.fs.readFile(uri(path)));
    originalHead = (await inWorkspace('git', ['rev-parse', 'HEAD'])).trim();
    await run('git', ['init', '-q', '--bare', '-b', 'main', join(temp, 'origin.git')]);
    await inWorkspace('git', ['config', 'user.name', 'DVC Lens Suite']);
    await inWorkspace('git', ['config', 'user.email', 'suite@dvc-lens.invalid']);
    // The far side pulls from the DVC remote its clone names: it must be in the committed config.
    await inWorkspace(dvcPath, ['remote', 'add', '--force', '-d', 'suite_runs', join(temp, 'store')]);
    await inWorkspace('git', ['add', '.dvc/config']);
    await inWorkspace('git', ['commit', '-q', '-m', 'A DVC remote for remote runs', '--', '.dvc/config']);
    await inWorkspace('git', ['remote', 'add', GIT_REMOTE, join(temp, 'origin.git')]);
    await vscode.commands.executeCommand('dvcLens.addComputeTarget', {
      target: {
        name: TARGET,
        kind: 'slurm',
        workFolder: join(cluster.dir, 'runs'),
        dvcCommand: dvcPath,
        gitRemote: GIT_REMOTE,
      },
      level: 'user',
    });
    await waitFor('the target to be registered', () => api.experiments.remote.targets.byName(TARGET));
    await api.experiments.store.refresh(workspaceRoot().toString());
  });

  afterEach(() => {
    for (const restore of restorers.splice(0).reverse()) restore();
  });

  after(async () => {
    const api = await extensionApi();
    try {
      for (const entry of await runsOf())
        await api.experiments.remote.runs.remove(remoteRunKey(entry.record));
      await vscode.workspace
        .getConfiguration()
        .update('dvcLens.computeTargets', undefined, vscode.ConfigurationTarget.Global);
    } finally {
      try {
        await cluster?.stop();
      } finally {
        process.env.SLURM_CONF = savedEnv.SLURM_CONF;
        if (savedEnv.SLURM_CONF === undefined) delete process.env.SLURM_CONF;
        process.env.PATH = savedEnv.PATH;
        if (originalHead) {
          const refs = await inWorkspace('git', ['for-each-ref', '--format=%(refname)', 'refs/exps/']);
          for (const ref of refs.split('\n').filter((line) => /\/remote-/.test(line)))
            await inWorkspace('git', ['update-ref', '-d', ref]);
          await inWorkspace('git', ['reset', '-q', originalHead]);
        }
        for (const [path, bytes] of saved) await vscode.workspace.fs.writeFile(uri(path), bytes);
        if (temp) await rm(temp, { recursive: true, force: true });
        await api.experiments.store.refresh(workspaceRoot().toString());
      }
    }
  });

  it('Add Compute Target asks kind, name, where sbatch runs, folder, DVC, resources, level, and writes the entry', async () => {
    const api = await extensionApi();
    const picks: Record<string, string> = {
      'Add Compute Target: which kind?': 'Slurm cluster',
      'Where does sbatch run?': 'On this machine',
      'Add Compute Target: save it where?': 'User settings',
    };
    const answers: Record<string, string> = {
      Name: 'asked cluster',
      'Work folder': '/tmp/dvc-lens-asked-runs',
      'The command that runs DVC': 'dvc',
      Partition: 'main',
      'Time limit': '30',
      'CPUs per run': '2',
      'GPUs and other resources': '',
    };
    replaceWindow('showQuickPick', (items: unknown, options: unknown) => {
      const title = (options as vscode.QuickPickOptions).title ?? '';
      const list = items as vscode.QuickPickItem[];
      return Promise.resolve(list.find((item) => item.label === picks[title]));
    });
    const prompts: string[] = [];
    replaceWindow('showInputBox', (options: unknown) => {
      const box = options as vscode.InputBoxOptions;
      prompts.push(box.prompt ?? '');
      const key = Object.keys(answers).find((start) => box.prompt?.startsWith(start));
      const value = key === undefined ? undefined : answers[key];
      if (value !== undefined) assert.equal(box.validateInput?.(value) ?? undefined, undefined, box.prompt);
      return Promise.resolve(value);
    });
    await vscode.commands.executeCommand('dvcLens.addComputeTarget');
    const written = vscode.workspace
      .getConfiguration()
      .inspect<unknown[]>('dvcLens.computeTargets')
      ?.globalValue?.find((entry) => (entry as { name?: string }).name === 'asked cluster');
    assert.deepEqual(
      written,
      {
        name: 'asked cluster',
        kind: 'slurm',
        workFolder: '/tmp/dvc-lens-asked-runs',
        partition: 'main',
        timeLimit: '30',
        cpus: 2,
      },
      prompts.join('\n'),
    );
    await waitFor('the asked target to be registered', () =>
      api.experiments.remote.targets.byName('asked cluster'),
    );
    const rest = vscode.workspace
      .getConfiguration()
      .inspect<unknown[]>('dvcLens.computeTargets')
      ?.globalValue?.filter((entry) => (entry as { name?: string }).name !== 'asked cluster');
    await vscode.workspace
      .getConfiguration()
      .update('dvcLens.computeTargets', rest, vscode.ConfigurationTarget.Global);
  });

  it('Test Compute Target reaches the cluster and finds sbatch, git and DVC; the whole text goes to the log', async () => {
    const api = await extensionApi();
    const check = await vscode.commands.executeCommand<{ ok: boolean; lines: string[] } | undefined>(
      'dvcLens.testComputeTarget',
      { name: TARGET },
    );
    assert.ok(check?.ok, check?.lines.join('\n'));
    assert.ok(
      check.lines.some((line) => /^sbatch: slurm/.test(line)),
      check.lines.join('\n'),
    );
    const logged = api.outputLines().join('\n');
    assert.match(logged, new RegExp(`Test of compute target '${TARGET}': reachable`));
    assert.match(logged, /^ {2}dvc: 3\./m);
  });

  it('asks where; after Push and Submit the run goes pending/running to succeeded and comes home as an experiment', async () => {
    const api = await extensionApi();
    const root = workspaceRoot();
    let offered: string[] = [];
    replaceWindow('showQuickPick', (items: unknown) => {
      const list = items as Array<vscode.QuickPickItem & { description?: string }>;
      offered = list.map((item) => `${item.label} | ${item.description ?? ''}`);
      return Promise.resolve(list.find((item) => item.label === TARGET));
    });
    const seen = new Set<string>();
    const subscription = api.experiments.remote.runs.onDidChange(() => {
      for (const entry of api.experiments.remote.runs.list(root.toString())) seen.add(shownRunState(entry));
    });
    try {
      await vscode.commands.executeCommand('dvcLens.queueExperiment', {
        root,
        params: { 'train.epochs': '5' },
        name: 'remote-a',
        push: true,
        confirmed: true,
      });
      assert.deepEqual(offered, [
        "This machine's queue | dvc exp run --queue; queue workers run it",
        'This machine | dvc exp run in the workspace, now',
        `${TARGET} | Slurm cluster`,
      ]);
      // Push and Submit pushed the new commit and the data.
      const head = (await inWorkspace('git', ['rev-parse', 'HEAD'])).trim();
      assert.match(
        await inWorkspace('git', ['ls-remote', GIT_REMOTE, 'refs/heads/main']),
        new RegExp(`^${head}`),
      );
      const [entry] = await runsOf();
      assert.ok(entry, 'the run is kept');
      assert.equal(entry.record.target, TARGET);
      assert.equal(entry.record.baseline, head);
      assert.match(entry.record.id, /^\d+$/);
      // While it runs it is a row under its baseline commit, with target, job id, state and elapsed time.
      const tree = api.experiments.tree;
      const headNode = tree.getChildren().find((node) => node.kind === 'row' && node.row.kind === 'commit');
      assert.ok(headNode);
      const remoteNode = tree
        .getChildren(headNode)
        .find(
          (node): node is Extract<ExperimentsViewNode, { kind: 'remoteRun' }> => node.kind === 'remoteRun',
        );
      assert.ok(remoteNode, 'a remote run row under HEAD');
      const item = tree.getTreeItem(remoteNode);
      assert.match(String(item.description), new RegExp(`^${TARGET} · job ${entry.record.id} · \\w+`));
      assert.match(String(item.contextValue), /^dvcLens\.remoteRun\./);
      const name = entry.record.experiment;
      // Succeeded: pulled home (dvc exp pull), the remote row goes and an ordinary experiment row stays.
      await waitFor(
        `${name} to come home`,
        async () => ((await runsOf()).length === 0 ? true : undefined),
        300_000,
      ).catch(async (error: unknown) => {
        // Say where the run stopped (state, failed step, DVC's message) and what its job printed last.
        const [left] = await runsOf();
        const handle = left ? api.experiments.remote.runs.handleOf(remoteRunKey(left.record)) : undefined;
        const log = handle ? await handle.log.read().catch((failure: unknown) => String(failure)) : '';
        throw new Error(
          `${error instanceof Error ? error.message : String(error)}; the run: ${JSON.stringify(left)}; its log ends: ${log.slice(-2000)}`,
        );
      });
      const model = api.experiments.store.get(root.toString())?.model;
      const experiment = model ? allExperiments(model).find((row) => row.name === name) : undefined;
      assert.ok(experiment, `${name} is an experiment of the repository`);
      assert.ok(Object.keys(experiment.metrics).length > 0, 'with its metrics');
      assert.ok(seen.has('succeeded') || seen.has('completing'), [...seen].join(', '));
      assert.ok(seen.has('queued') || seen.has('running'), [...seen].join(', '));
    } finally {
      subscription.dispose();
    }
  });

  it('Cancel asks naming the run; the row reads cancelled, also after a reload; Show Log follows a running job and opens a finished one; Remove Row', async () => {
    const api = await extensionApi();
    const root = workspaceRoot();
    await vscode.commands.executeCommand('dvcLens.addComputeTarget', {
      target: {
        ...api.experiments.remote.targets.byName(TARGET)?.settings,
        name: SLOW_TARGET,
        setup: ['sleep 120'],
      },
      level: 'user',
    });
    await waitFor('the slow target', () => api.experiments.remote.targets.byName(SLOW_TARGET));
    await vscode.commands.executeCommand('dvcLens.queueExperiment', {
      root,
      params: { 'train.epochs': '6' },
      name: 'remote-b',
      where: SLOW_TARGET,
      confirmed: true,
    });
    const [entry] = await runsOf();
    assert.ok(entry);
    const key = remoteRunKey(entry.record);
    await waitFor(
      'the job to run',
      () => (api.experiments.remote.runs.get(key)?.state === 'running' ? true : undefined),
      120_000,
    );
    await vscode.commands.executeCommand('dvcLens.showRemoteRunLog', { key });
    const terminal = await waitFor('the log terminal', () =>
      Promise.resolve(
        vscode.window.terminals.find((each) => each.name === `DVC Lens: ${SLOW_TARGET} ${entry.record.id}`),
      ),
    );
    terminal?.dispose();

    let question = '';
    replaceWindow('showWarningMessage', (message: unknown) => {
      question = String(message);
      return Promise.resolve('Cancel Run');
    });
    await vscode.commands.executeCommand('dvcLens.cancelRemoteRun', { key });
    assert.match(
      question,
      new RegExp(`cancel the remote run ${entry.record.experiment} \\(${SLOW_TARGET}, ${entry.record.id}\\)`),
    );
    await api.experiments.remote.runs.pollNow();
    assert.equal(api.experiments.remote.runs.get(key)?.state, 'cancelled');
    const node = api.experiments.tree
      .getChildren(
        api.experiments.tree.getChildren().find((each) => each.kind === 'row' && each.row.kind === 'commit'),
      )
      .find((each) => each.kind === 'remoteRun');
    assert.ok(node);
    assert.equal(api.experiments.tree.getTreeItem(node).contextValue, 'dvcLens.remoteRun.cancelled');

    await vscode.commands.executeCommand('dvcLens.showRemoteRunLog', { key });
    const editor = await waitFor('the log document', () =>
      Promise.resolve(
        vscode.window.activeTextEditor?.document.uri.scheme === 'dvclens-remote-log'
          ? vscode.window.activeTextEditor
          : undefined,
      ),
    );
    assert.match(editor?.document.getText() ?? '', /dvc-lens-step: setup/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    // After a reload the run is picked up again from what the workspace kept: a new store over a memento
    // holding it as it was before the cancel reattaches through the real target and learns the end.
    const kept = { ...entry, state: 'running' as const };
    const memento = new Map<string, unknown>([['dvcLens.remoteRuns', [kept]]]);
    const reloaded = new RemoteRunStore({
      memento: {
        keys: () => [...memento.keys()],
        get: <T>(name: string, fallback?: T) => (memento.get(name) as T | undefined) ?? fallback,
        update: (name: string, value: unknown) => {
          memento.set(name, value);
          return Promise.resolve();
        },
      },
      targets: api.experiments.remote.targets,
      experimentsOf: () => {
        const repository = api.repositories.repositoryAt(root);
        return repository ? api.experiments.store.serviceFor(repository) : undefined;
      },
      refreshExperiments: () => Promise.resolve(),
      log: { append: () => undefined, error: () => undefined } as unknown as OutputLog,
      withProgress: (_title, task) => task(new AbortController().signal),
    });
    try {
      await waitFor(
        'the reloaded store to learn the run was cancelled',
        () => (reloaded.get(key)?.state === 'cancelled' ? true : undefined),
        60_000,
      );
    } finally {
      reloaded.dispose();
    }

    await vscode.commands.executeCommand('dvcLens.removeRemoteRunRow', { key });
    assert.equal(api.experiments.remote.runs.get(key), undefined);
  });
});
