/**
 * "Initialize a DVC project" without an editor: inspect a folder, then git init (if asked), dvc init, an
 * optional local default remote and starter pipeline, and one commit holding exactly the files this created.
 * It never overwrites: an existing DVC project, staged changes, a missing git identity or a starter file that
 * already exists stop it before anything is changed, with an InitProjectError saying what and what to do.
 */
import { mkdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathExists } from '../repository/processes';
import type { DvcCli } from '../repository/processes';
import type { GitCli } from '../repository/processes';
import { isCancellation } from '../repository/processes';

export type InitProjectErrorCode =
  | 'alreadyDvc'
  | 'notGitRepository'
  | 'stagedChanges'
  | 'noGitIdentity'
  /** A starter-pipeline file (params.yaml, dvc.yaml) is already there. */
  | 'fileExists'
  /** A step failed after others had changed the folder; `completedSteps` says how far it got. */
  | 'stepFailed';

export class InitProjectError extends Error {
  override readonly name = 'InitProjectError';
  constructor(
    readonly code: InitProjectErrorCode,
    message: string,
    readonly completedSteps: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** What the folder is now, for the command to offer the right choices. */
export interface FolderInspection {
  /** Inside a git work tree (the folder itself or a parent). */
  readonly isGitRepository: boolean;
  /** The folder holds `.dvc`. */
  readonly isDvcRepository: boolean;
  readonly hasStagedChanges: boolean;
  /** git knows user.name and user.email, so a commit can be made. */
  readonly hasGitIdentity: boolean;
}

export interface InitializeProjectOptions {
  /** Run `git init` when the folder is not in a git repository (otherwise that is an error). */
  readonly initGit: boolean;
  /** params.yaml and one tiny stage, added with `dvc stage add` (DVC writes dvc.yaml). */
  readonly starterPipeline: boolean;
  /** Add a default remote named `local` at this folder (created; relative to the project folder). */
  readonly defaultRemotePath?: string;
}

export interface InitializeProjectDeps {
  /** git for the project folder. */
  readonly git: GitCli;
  /** DVC whose scheduler root is the project folder. */
  readonly dvc: DvcCli;
  readonly signal?: AbortSignal;
  /** Called before each step with a sentence for a progress notification. */
  readonly onProgress?: (step: string) => void;
}

export interface InitializeProjectResult {
  /** The sha of the commit with the DVC scaffolding. */
  readonly commit: string;
  /** Paths (relative to the project folder) in that commit. */
  readonly committedFiles: readonly string[];
  readonly gitInitialized: boolean;
  /** Absolute path of the local default remote, when one was added. */
  readonly remotePath?: string;
}

export const STARTER_PARAMS_FILE = 'params.yaml';
const STARTER_PARAMS =
  '# Parameters of the starter pipeline: change one and `dvc repro` reruns the stage.\nmessage: Hello from DVC Lens\n';
const STARTER_STAGE = {
  name: 'hello',
  params: ['message'],
  outs: ['hello.txt'],
  // DVC fills ${message} from params.yaml before it runs the command in a shell.
  command: 'echo "${message}" > hello.txt',
};
const SCAFFOLDING = ['.dvc/config', '.dvc/.gitignore', '.dvcignore'];

export async function inspectFolder(
  folder: string,
  deps: { readonly git: GitCli; readonly signal?: AbortSignal },
): Promise<FolderInspection> {
  const isGitRepository = await deps.git.isRepository(deps.signal);
  return {
    isGitRepository,
    isDvcRepository: await pathExists(path.join(folder, '.dvc')),
    hasStagedChanges: isGitRepository ? await deps.git.hasStagedChanges(deps.signal) : false,
    hasGitIdentity: await deps.git.hasIdentity(deps.signal),
  };
}

export async function initializeProject(
  folder: string,
  options: InitializeProjectOptions,
  deps: InitializeProjectDeps,
): Promise<InitializeProjectResult> {
  const { git, dvc, signal } = deps;
  const inspection = await inspectFolder(folder, deps);
  await refuseUnsafeStart(folder, options, inspection);

  const completed: string[] = [];
  const step = async <T>(description: string, action: () => Promise<T>): Promise<T> => {
    deps.onProgress?.(description);
    try {
      const result = await action();
      completed.push(description);
      return result;
    } catch (error) {
      if (isCancellation(error) || completed.length === 0) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new InitProjectError(
        'stepFailed',
        `${description} failed: ${message}\nAlready done in ${folder}: ${completed.join('; ')}. Fix the cause, then finish by hand or undo these steps.`,
        [...completed],
        { cause: error },
      );
    }
  };

  const gitignoreWasCommittable = inspection.isGitRepository
    ? await isCleanTrackedOrAbsent(git, folder, '.gitignore', signal)
    : true;
  if (!inspection.isGitRepository) await step('git init', () => git.init(signal));
  const subdir = (await realpath(await git.repositoryRoot(signal))) !== (await realpath(folder));
  await step(subdir ? 'dvc init --subdir' : 'dvc init', () => dvc.init({ subdir, signal }));

  let remotePath: string | undefined;
  if (options.defaultRemotePath !== undefined && options.defaultRemotePath.trim() !== '') {
    const target = path.resolve(folder, options.defaultRemotePath);
    await step(`create the remote folder ${target}`, () => mkdir(target, { recursive: true }));
    await step('dvc remote add --default local', () => dvc.remoteAdd('local', target, true, signal));
    remotePath = target;
  }

  if (options.starterPipeline) {
    // 'wx': fail instead of overwriting, even if the file appeared since the check.
    await step(`write ${STARTER_PARAMS_FILE}`, () =>
      writeFile(path.join(folder, STARTER_PARAMS_FILE), STARTER_PARAMS, { flag: 'wx' }),
    );
    await step(`dvc stage add ${STARTER_STAGE.name}`, () => dvc.stageAdd(STARTER_STAGE, signal));
  }

  const candidates = [
    ...SCAFFOLDING,
    ...(options.starterPipeline ? [STARTER_PARAMS_FILE, 'dvc.yaml'] : []),
    ...(gitignoreWasCommittable ? ['.gitignore'] : []),
  ];
  const committedFiles: string[] = [];
  for (const file of candidates) if (await pathExists(path.join(folder, file))) committedFiles.push(file);
  const message = options.starterPipeline ? 'Initialize DVC with a starter pipeline' : 'Initialize DVC';
  const commit = await step('commit the DVC files', async () => {
    await git.add(committedFiles, signal);
    return git.commit(message, committedFiles, signal);
  });
  return {
    commit,
    committedFiles,
    gitInitialized: !inspection.isGitRepository,
    ...(remotePath ? { remotePath } : {}),
  };
}

async function refuseUnsafeStart(
  folder: string,
  options: InitializeProjectOptions,
  inspection: FolderInspection,
): Promise<void> {
  if (inspection.isDvcRepository) {
    throw new InitProjectError(
      'alreadyDvc',
      `${folder} is already a DVC project (it has a .dvc folder). Nothing was changed.`,
    );
  }
  if (!inspection.isGitRepository && !options.initGit) {
    throw new InitProjectError(
      'notGitRepository',
      `${folder} is not in a git repository, and DVC keeps its pipeline and data pointers in git. Choose to initialize git too, or run "git init" there first. Nothing was changed.`,
    );
  }
  if (inspection.hasStagedChanges) {
    throw new InitProjectError(
      'stagedChanges',
      `The git repository of ${folder} has staged changes. Commit or unstage them first, so that the DVC set-up commit holds only DVC's files. Nothing was changed.`,
    );
  }
  if (!inspection.hasGitIdentity) {
    throw new InitProjectError(
      'noGitIdentity',
      'git does not know who you are (user.name and user.email are not set), so the set-up commit cannot be made. Set them with `git config --global user.name "Your Name"` and `git config --global user.email you@example.com`, then try again. Nothing was changed.',
    );
  }
  if (options.starterPipeline) {
    for (const file of [STARTER_PARAMS_FILE, 'dvc.yaml']) {
      if (await pathExists(path.join(folder, file))) {
        throw new InitProjectError(
          'fileExists',
          `${path.join(folder, file)} already exists and the starter pipeline would replace it. Initialize without the starter pipeline, or move the file away. Nothing was changed.`,
        );
      }
    }
  }
}

/**
 * DVC appends to .gitignore. Committing it is right when it is new or was committed unchanged; when the user
 * has their own uncommitted edits or keeps it untracked, those are theirs to commit, so it stays out.
 */
async function isCleanTrackedOrAbsent(
  git: GitCli,
  folder: string,
  file: string,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  if (!(await pathExists(path.join(folder, file)))) return true;
  const root = await realpath(await git.repositoryRoot(signal));
  const relative = path
    .relative(root, path.join(await realpath(folder), file))
    .split(path.sep)
    .join('/');
  const changes = await git.changedFiles(signal);
  return !changes.some((change) => change.path === relative);
}
