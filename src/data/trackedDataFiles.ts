/**
 * Reads what DVC tracks in one repository straight from its files: every `.dvc` file and every dvc.lock,
 * found with the search service (ripgrep) and read asynchronously. No DVC involved, so it works in Restricted
 * Mode and without DVC, in milliseconds.
 */
import * as vscode from 'vscode';
import { parseDvcFile } from '../core/data/dvcFile';
import { parseDvcLockOuts } from '../core/data/dvcLockOuts';
import { collectTrackedData, type TrackedData } from '../core/data/trackedData';
import { isInside, relativePath } from '../repository/workspaceScan';

/** Folders that never hold the user's `.dvc` files and can be huge. `.dvc/` is DVC's own (cache, tmp). */
const skippedFolders = '**/{node_modules,.git,.dvc,.venv,venv,__pycache__,.tox,.mypy_cache}/**';

/** `nested`: roots of DVC repositories inside this one; their files belong to them. */
export async function readTrackedData(root: vscode.Uri, nested: readonly vscode.Uri[]): Promise<TrackedData> {
  const found = await vscode.workspace.findFiles(
    new vscode.RelativePattern(root, '**/{*.dvc,dvc.lock}'),
    skippedFolders,
  );
  const own = found.filter((uri) => !nested.some((inner) => isInside(uri, inner)));
  const texts = await Promise.all(own.map(readText));
  const dvcFiles = [];
  const lockFiles = [];
  for (const [index, uri] of own.entries()) {
    const text = texts[index];
    if (text === undefined) continue;
    const file = relativePath(root, uri);
    if (file.endsWith('.dvc')) dvcFiles.push({ file, parsed: parseDvcFile(text) });
    else lockFiles.push({ file, parsed: parseDvcLockOuts(text, file) });
  }
  return collectTrackedData(dvcFiles, lockFiles);
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    // Deleted between the search and the read: the watcher reloads again.
    return undefined;
  }
}
