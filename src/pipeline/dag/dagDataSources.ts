/**
 * The `.dvc` files of each repository, for the DAG's data source nodes: found with the search service and read
 * asynchronously (no DVC, so Restricted Mode and a missing DVC draw them too), re-read when a `.dvc` file
 * changes.
 */
import * as vscode from 'vscode';
import { parseDataSource, type DataSource } from '../../core/dag';
import { relativePath } from '../../repository/workspaceScan';

/** Folders that never hold the user's `.dvc` files and can be huge. */
const skippedFolders = '**/{node_modules,.git,.dvc,.venv,venv,__pycache__}/**';

export async function readDataSources(root: vscode.Uri): Promise<DataSource[]> {
  const found = await vscode.workspace.findFiles(
    new vscode.RelativePattern(root, '**/*.dvc'),
    skippedFolders,
  );
  const sources = await Promise.all(
    found.map(async (uri) => {
      try {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        return parseDataSource(relativePath(root, uri), text);
      } catch {
        return undefined;
      }
    }),
  );
  return sources
    .filter((source): source is DataSource => source !== undefined)
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
