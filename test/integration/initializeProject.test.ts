/**
 * Initializing a DVC project with the real git and DVC: what a user gets in the folder and in git history,
 * and that every refusal leaves the folder exactly as it was.
 */
import assert from 'node:assert/strict';
import { access, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { GitCli } from '../../src/cli/gitCli';
import {
  InitProjectError,
  initializeProject,
  inspectFolder,
  type InitProjectErrorCode,
  type InitializeProjectOptions,
} from '../../src/setup/initializeProject';
import { dvc, git, gitIdentityArgs, makeDvcRepo, makeTempDir } from '../helpers/dvcEnvironment';
import { isolatedGitEnvironment, recordingDvcCli } from './cliFixtures';

interface Workspace {
  readonly folder: string;
  /** A HOME for git outside the folder (with or without an identity). */
  readonly gitEnv: Record<string, string>;
  readonly git: GitCli;
}

async function withWorkspace(
  identity: boolean,
  body: (workspace: Workspace) => Promise<void>,
  folder?: string,
): Promise<void> {
  const home = await makeTempDir('dvc-lens-home-');
  // The project is a subfolder, so that a remote at ../remote-storage stays inside what cleanup removes.
  const parent = folder ? undefined : await makeTempDir('dvc-lens-init-');
  try {
    const target = folder ?? join(parent!.dir, 'project');
    await mkdir(target, { recursive: true });
    const gitEnv = await isolatedGitEnvironment(home.dir, identity);
    await body({ folder: target, gitEnv, git: new GitCli(target, { env: gitEnv }) });
  } finally {
    await home.cleanup();
    await parent?.cleanup();
  }
}

async function initialize(
  workspace: Workspace,
  options: InitializeProjectOptions,
  folder = workspace.folder,
) {
  const { cli } = await recordingDvcCli(folder);
  const steps: string[] = [];
  const git = folder === workspace.folder ? workspace.git : new GitCli(folder, { env: workspace.gitEnv });
  const result = await initializeProject(folder, options, {
    git,
    dvc: cli,
    onProgress: (step) => steps.push(step),
  });
  return { result, steps };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Files of the last commit, sorted. */
async function committedFiles(folder: string): Promise<string[]> {
  return (await git(folder, ['show', '--name-only', '--format=', 'HEAD'])).split('\n').filter(Boolean).sort();
}

/** A listing of everything in the folder (names, sizes and git's view) to compare before and after a refusal. */
async function snapshot(folder: string): Promise<string> {
  const entries = await readdir(folder, { recursive: true });
  const status = (await exists(join(folder, '.git')))
    ? await git(folder, ['status', '--porcelain', '--ignored'])
    : '';
  const head = (await exists(join(folder, '.git')))
    ? await git(folder, ['rev-parse', '--verify', '-q', 'HEAD']).catch(() => 'none')
    : 'no git';
  return JSON.stringify({
    entries: entries.filter((entry) => !entry.startsWith('.git/')).sort(),
    status,
    head,
  });
}

async function assertRefused(
  code: InitProjectErrorCode,
  workspace: Workspace,
  options: InitializeProjectOptions,
): Promise<void> {
  const before = await snapshot(workspace.folder);
  await assert.rejects(initialize(workspace, options), (error: unknown) => {
    assert.ok(error instanceof InitProjectError, String(error));
    assert.equal(error.code, code);
    assert.match(error.message, /Nothing was changed\.$/);
    return true;
  });
  assert.equal(await snapshot(workspace.folder), before, 'the folder is untouched');
}

void test('an empty folder becomes a git + DVC project with one commit of the scaffolding, a starter pipeline and a local remote', async () => {
  await withWorkspace(true, async (workspace) => {
    const { folder } = workspace;
    assert.deepEqual(await inspectFolder(folder, { git: workspace.git }), {
      isGitRepository: false,
      isDvcRepository: false,
      hasStagedChanges: false,
      hasGitIdentity: true,
    });
    const { result, steps } = await initialize(workspace, {
      initGit: true,
      starterPipeline: true,
      defaultRemotePath: '../remote-storage',
    });

    assert.ok(await exists(join(folder, '.git')));
    assert.ok(await exists(join(folder, '.dvc')));
    assert.equal((await git(folder, ['rev-list', '--count', 'HEAD'])).trim(), '1');
    assert.equal((await git(folder, ['rev-parse', 'HEAD'])).trim(), result.commit);
    assert.deepEqual(await committedFiles(folder), [
      '.dvc/.gitignore',
      '.dvc/config',
      '.dvcignore',
      '.gitignore',
      'dvc.yaml',
      'params.yaml',
    ]);
    assert.deepEqual([...result.committedFiles].sort(), await committedFiles(folder));
    assert.equal((await git(folder, ['status', '--porcelain'])).trim(), '', 'nothing left over');
    assert.equal(result.gitInitialized, true);
    assert.deepEqual(steps.slice(0, 2), ['git init', 'dvc init']);

    const remote = join(folder, '..', 'remote-storage');
    assert.equal(result.remotePath, remote);
    assert.ok(await exists(remote), 'the remote folder is created');
    assert.match(await readFile(join(folder, '.dvc', 'config'), 'utf8'), /remote = local/);

    // The starter pipeline is a real one: DVC runs it and pushes its output to the new remote.
    await dvc(folder, ['repro']);
    assert.equal(await readFile(join(folder, 'hello.txt'), 'utf8'), 'Hello from DVC Lens\n');
    await dvc(folder, ['push']);
    assert.ok((await readdir(remote, { recursive: true })).length > 0);
  });
});

void test('without options: only .dvc/config, .dvc/.gitignore and .dvcignore are committed', async () => {
  await withWorkspace(true, async (workspace) => {
    await initialize(workspace, { initGit: true, starterPipeline: false });
    assert.deepEqual(await committedFiles(workspace.folder), [
      '.dvc/.gitignore',
      '.dvc/config',
      '.dvcignore',
    ]);
  });
});

void test("in an existing repository the user's own files stay out of the commit", async () => {
  await withWorkspace(true, async (workspace) => {
    const { folder } = workspace;
    await git(folder, ['init', '-q', '-b', 'main']);
    await writeFile(join(folder, 'README.md'), 'readme\n');
    await git(folder, ['add', 'README.md']);
    await git(folder, [...gitIdentityArgs, 'commit', '-q', '-m', 'readme']);
    await writeFile(join(folder, 'notes.txt'), 'work in progress\n');
    await writeFile(join(folder, 'README.md'), 'readme, edited\n');

    const { result } = await initialize(workspace, { initGit: false, starterPipeline: true });
    assert.equal(result.gitInitialized, false);
    assert.deepEqual(await committedFiles(folder), [
      '.dvc/.gitignore',
      '.dvc/config',
      '.dvcignore',
      '.gitignore',
      'dvc.yaml',
      'params.yaml',
    ]);
    const status = await git(folder, ['status', '--porcelain']);
    assert.match(status, /^ M README.md$/m);
    assert.match(status, /^\?\? notes.txt$/m);
  });
});

void test('a user .gitignore with uncommitted edits is left for the user to commit', async () => {
  await withWorkspace(true, async (workspace) => {
    const { folder } = workspace;
    await git(folder, ['init', '-q', '-b', 'main']);
    await writeFile(join(folder, '.gitignore'), '*.log\n');
    await git(folder, ['add', '.gitignore']);
    await git(folder, [...gitIdentityArgs, 'commit', '-q', '-m', 'ignore logs']);
    await writeFile(join(folder, '.gitignore'), '*.log\n*.tmp\n');

    await initialize(workspace, { initGit: false, starterPipeline: true });
    assert.deepEqual(await committedFiles(folder), [
      '.dvc/.gitignore',
      '.dvc/config',
      '.dvcignore',
      'dvc.yaml',
      'params.yaml',
    ]);
    assert.equal(await readFile(join(folder, '.gitignore'), 'utf8'), '*.log\n*.tmp\n/hello.txt\n');
  });
});

void test('a folder inside a larger repository gets dvc init --subdir', async () => {
  await withWorkspace(true, async (workspace) => {
    await git(workspace.folder, ['init', '-q', '-b', 'main']);
    const sub = join(workspace.folder, 'ml');
    await mkdir(sub);
    const { steps } = await initialize(workspace, { initGit: false, starterPipeline: false }, sub);
    assert.ok(steps.includes('dvc init --subdir'));
    assert.deepEqual(await committedFiles(workspace.folder), [
      'ml/.dvc/.gitignore',
      'ml/.dvc/config',
      'ml/.dvcignore',
    ]);
    assert.equal(await exists(join(workspace.folder, '.dvc')), false);
  });
});

void test('an existing DVC project is refused with alreadyDvc', async () => {
  const repo = await makeDvcRepo();
  try {
    await withWorkspace(
      true,
      (workspace) => assertRefused('alreadyDvc', workspace, { initGit: true, starterPipeline: true }),
      repo.dir,
    );
  } finally {
    await repo.cleanup();
  }
});

void test('staged changes are refused with stagedChanges', async () => {
  await withWorkspace(true, async (workspace) => {
    await git(workspace.folder, ['init', '-q', '-b', 'main']);
    await writeFile(join(workspace.folder, 'staged.txt'), 'staged\n');
    await git(workspace.folder, ['add', 'staged.txt']);
    assert.equal((await inspectFolder(workspace.folder, { git: workspace.git })).hasStagedChanges, true);
    await assertRefused('stagedChanges', workspace, { initGit: false, starterPipeline: false });
  });
});

void test('no git identity is refused with noGitIdentity, before git init', async () => {
  await withWorkspace(false, async (workspace) => {
    assert.equal((await inspectFolder(workspace.folder, { git: workspace.git })).hasGitIdentity, false);
    await assertRefused('noGitIdentity', workspace, { initGit: true, starterPipeline: false });
    assert.equal(await exists(join(workspace.folder, '.git')), false);
  });
});

void test('not a repository and no git init asked: notGitRepository', async () => {
  await withWorkspace(true, (workspace) =>
    assertRefused('notGitRepository', workspace, { initGit: false, starterPipeline: false }),
  );
});

void test('an existing params.yaml is never overwritten by the starter pipeline', async () => {
  await withWorkspace(true, async (workspace) => {
    await writeFile(join(workspace.folder, 'params.yaml'), 'lr: 0.1\n');
    await assertRefused('fileExists', workspace, { initGit: true, starterPipeline: true });
    assert.equal(await readFile(join(workspace.folder, 'params.yaml'), 'utf8'), 'lr: 0.1\n');
  });
});

void test('a step that fails after changes began says what was already done', async () => {
  await withWorkspace(true, async (workspace) => {
    await writeFile(join(workspace.folder, '..', 'a-file'), 'not a folder\n');
    await assert.rejects(
      initialize(workspace, { initGit: true, starterPipeline: false, defaultRemotePath: '../a-file/remote' }),
      (error: unknown) => {
        assert.ok(error instanceof InitProjectError, String(error));
        assert.equal(error.code, 'stepFailed');
        assert.deepEqual(error.completedSteps, ['git init', 'dvc init']);
        assert.match(error.message, /Already done in .+: git init; dvc init\./);
        return true;
      },
    );
  });
});
