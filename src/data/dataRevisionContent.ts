/**
 * The `dvclens-data:` documents: a DVC-tracked file's content at a git revision, for VS Code's diff editor.
 * The md5 comes from the file's metadata at that revision (its `.dvc` file, its folder's, or the dvc.lock of
 * the stage that writes it; dataAtRevisionReader.ts). Big or binary content, or content nowhere to be had,
 * shows a message saying so.
 */
import * as vscode from 'vscode';
import { dataDiffMaxBytesSetting } from '../config/dataSettings';
import { diffSideText } from '../core/data/dataAtRevision';
import { formatSize } from '../core/data/dataSize';
import type { Repository } from '../repository/repository';
import type { WorkspaceRepositories } from '../repository/workspaceRepositories';
import { readDataAtRevision } from './dataAtRevisionReader';

export const DATA_REVISION_SCHEME = 'dvclens-data';

/** The document of `path` (repository-relative) at `rev` (a sha, branch or tag). */
export function dataRevisionUri(root: vscode.Uri, path: string, rev: string): vscode.Uri {
  const query = new URLSearchParams({ root: root.toString(), rev }).toString();
  return vscode.Uri.from({ scheme: DATA_REVISION_SCHEME, path: `/${path}`, query });
}

function parseDataRevisionUri(uri: vscode.Uri): { root: string; path: string; rev: string } | undefined {
  const query = new URLSearchParams(uri.query);
  const root = query.get('root');
  const rev = query.get('rev');
  return root && rev ? { root, rev, path: uri.path.replace(/^\//, '') } : undefined;
}

export class DataRevisionContentProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly repositories: WorkspaceRepositories) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const parsed = parseDataRevisionUri(uri);
    if (!parsed) return 'DVC Lens: this address names no revision of a tracked file.';
    const repository = this.repositories.repositoryAt(parsed.root);
    if (!repository) return `DVC Lens: ${parsed.path}: its repository is no longer open.`;
    // git and DVC run programs a repository can name (git config, hooks): not in Restricted Mode.
    if (!repository.isTrusted)
      return `DVC Lens: ${parsed.path}: revisions are read with git and DVC, which do not run in Restricted Mode. Trust the workspace to see them.`;
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    try {
      return await this.textAt(repository, parsed.path, parsed.rev, controller.signal);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      repository.log.error(`The content of ${parsed.path} at ${parsed.rev} could not be read: ${message}`);
      return `DVC Lens: the content of ${parsed.path} at ${shortRev(parsed.rev)} could not be read: ${message}`;
    } finally {
      cancel.dispose();
    }
  }

  private async textAt(
    repository: Repository,
    path: string,
    rev: string,
    signal: AbortSignal,
  ): Promise<string> {
    const max = dataDiffMaxBytesSetting();
    const at = shortRev(rev);
    // DVC 3's default cache folder; a configured cache.dir is reached through dvc get.
    const cache = vscode.Uri.joinPath(repository.root, '.dvc', 'cache');
    const found = await readDataAtRevision(
      {
        root: repository.root.fsPath,
        git: repository.git,
        dvc: await repository.dvc(),
        readCacheObject: (relative) => readBytes(vscode.Uri.joinPath(cache, relative)),
        logError: (message) => repository.log.error(message),
      },
      path,
      rev,
      max,
      signal,
    );
    switch (found.kind) {
      case 'untracked':
        return `DVC Lens: DVC tracks no ${path} at ${at} (it did not exist there, or git tracks it).`;
      case 'tooLarge':
        return tooLarge(path, at, found.size, max);
      case 'unavailable':
        return `DVC Lens: ${path} at ${at} is neither in the local cache nor could DVC get it (see the DVC Lens log). Pull or fetch that revision's data, then open the diff again.`;
      case 'bytes':
        break;
    }
    const side = diffSideText(found.bytes, max);
    switch (side.kind) {
      case 'text':
        return side.text;
      case 'tooLarge':
        return tooLarge(path, at, side.size, max);
      case 'binary':
        return `DVC Lens: ${path} at ${at} is binary (${formatSize(found.bytes.length)}); a text diff cannot show it.`;
    }
  }
}

async function readBytes(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    return await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined;
  }
}

function tooLarge(path: string, at: string, size: number, max: number): string {
  return `DVC Lens: ${path} at ${at} is ${formatSize(size)}, more than the ${formatSize(max)} a data diff shows as text (dvcLens.data.diffMaxBytes). Open the file itself, or raise the setting.`;
}

function shortRev(rev: string): string {
  return /^[0-9a-f]{40}$/.test(rev) ? rev.slice(0, 7) : rev;
}
