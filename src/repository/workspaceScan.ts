import * as vscode from 'vscode';

/** Folders that never hold a pipeline of the user's and can be huge (caches, environments, dependencies). */
const skippedFolders = '**/{node_modules,.git,.dvc,.venv,venv,__pycache__,.tox,.mypy_cache}/**';

/** One DVC root (a folder with `.dvc/`), or a workspace folder whose dvc.yaml files have no DVC root yet. */
export interface RootScan {
  readonly root: vscode.Uri;
  readonly workspaceFolder: vscode.WorkspaceFolder;
  readonly isDvcRepository: boolean;
  readonly pipelineFiles: readonly vscode.Uri[];
}

/**
 * Finds every dvc.yaml of a workspace folder and groups them by their DVC root: the deepest folder with
 * `.dvc/config` above them. Uses the search service (ripgrep), never a synchronous walk.
 */
export async function scanWorkspaceFolder(
  folder: vscode.WorkspaceFolder,
  token?: vscode.CancellationToken,
): Promise<RootScan[]> {
  const [pipelineFiles, dvcConfigs] = await Promise.all([
    vscode.workspace.findFiles(
      new vscode.RelativePattern(folder, '**/dvc.yaml'),
      skippedFolders,
      undefined,
      token,
    ),
    vscode.workspace.findFiles(
      new vscode.RelativePattern(folder, '{.dvc/config,**/.dvc/config}'),
      '**/{node_modules,.git,.venv,venv}/**',
      undefined,
      token,
    ),
  ]);
  const dvcRoots = dvcConfigs
    .map((config) => vscode.Uri.joinPath(config, '..', '..'))
    // DVC's own copies of a repository (a queue worker's workspace under `.dvc/tmp/exps/`) are not the
    // user's: they come and go with each queued run and would show as a second repository meanwhile.
    .filter((root) => !`${root.path}/`.includes('/.dvc/'));
  // Deepest first, so that a nested DVC repository claims its own pipelines.
  dvcRoots.sort((a, b) => b.path.length - a.path.length);

  const byRoot = new Map<string, { root: vscode.Uri; isDvc: boolean; files: vscode.Uri[] }>();
  for (const root of dvcRoots) byRoot.set(root.toString(), { root, isDvc: true, files: [] });
  for (const file of pipelineFiles) {
    const owner = dvcRoots.find((root) => isInside(file, root)) ?? folder.uri;
    const key = owner.toString();
    const entry = byRoot.get(key) ?? { root: owner, isDvc: false, files: [] };
    entry.files.push(file);
    byRoot.set(key, entry);
  }
  return [...byRoot.values()]
    .map((entry) => ({
      root: entry.root,
      workspaceFolder: folder,
      isDvcRepository: entry.isDvc,
      pipelineFiles: entry.files.sort((a, b) => a.path.localeCompare(b.path)),
    }))
    .sort((a, b) => a.root.path.localeCompare(b.root.path));
}

export function isInside(file: vscode.Uri, folder: vscode.Uri): boolean {
  const prefix = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return file.scheme === folder.scheme && file.path.startsWith(prefix);
}

/** The path of `file` relative to `root` with `/` separators, as DVC prints it. */
export function relativePath(root: vscode.Uri, file: vscode.Uri): string {
  const prefix = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return file.path.startsWith(prefix) ? file.path.slice(prefix.length) : file.path;
}
