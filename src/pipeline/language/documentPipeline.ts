/**
 * The pipeline behind an open dvc.yaml, with positions that match what the editor shows: the repository's
 * parsed pipeline while the document is saved, a parse of the document's own text while it is dirty (cached
 * per document version, so CodeLens, hover and definition share one parse).
 */
import * as vscode from 'vscode';
import type { Pipeline } from '../../core/pipeline';
import { parseUnsavedPipeline } from '../../repository/pipelineReader';
import type { Repository } from '../../repository/repository';
import type { WorkspaceRepositories } from '../../repository/workspaceRepositories';
import { isInside, relativePath } from '../../repository/workspaceScan';

export interface DocumentPipeline {
  readonly repository: Repository;
  readonly pipeline: Pipeline;
  /** The folder of the dvc.yaml; item paths are relative to it. */
  readonly folder: vscode.Uri;
}

/** The repository holding the document: the innermost root, for DVC roots nested in a workspace folder. */
export function repositoryOf(repositories: WorkspaceRepositories, uri: vscode.Uri): Repository | undefined {
  return repositories.repositories
    .filter((repository) => isInside(uri, repository.root))
    .sort((a, b) => b.root.path.length - a.root.path.length)[0];
}

/** One per registration: the parses of dirty dvc.yaml documents, by URI, for their current version. */
export class DocumentPipelines implements vscode.Disposable {
  private readonly parses = new Map<
    string,
    { readonly version: number; readonly pipeline: Promise<Pipeline> }
  >();
  private readonly closing: vscode.Disposable;

  constructor(readonly repositories: WorkspaceRepositories) {
    this.closing = vscode.workspace.onDidCloseTextDocument((document) =>
      this.parses.delete(document.uri.toString()),
    );
  }

  async pipelineOf(document: vscode.TextDocument): Promise<DocumentPipeline | undefined> {
    const repository = repositoryOf(this.repositories, document.uri);
    if (!repository) return undefined;
    const folder = vscode.Uri.joinPath(document.uri, '..');
    const file = relativePath(repository.root, document.uri);
    const known = repository.pipelines.find((pipeline) => pipeline.file === file);
    if (known && !document.isDirty) return { repository, pipeline: known, folder };
    const key = document.uri.toString();
    let cached = this.parses.get(key);
    if (cached?.version !== document.version) {
      // In the parse worker, like saved files: a large or hostile unsaved text never blocks the host.
      cached = {
        version: document.version,
        pipeline: parseUnsavedPipeline(repository.root, document.uri, document.getText()),
      };
      this.parses.set(key, cached);
    }
    return { repository, pipeline: await cached.pipeline, folder };
  }

  dispose(): void {
    this.closing.dispose();
    this.parses.clear();
  }
}

export function containsPosition(
  range: { startLine: number; startCharacter: number; endLine: number; endCharacter: number },
  position: vscode.Position,
): boolean {
  const afterStart =
    position.line > range.startLine ||
    (position.line === range.startLine && position.character >= range.startCharacter);
  const beforeEnd =
    position.line < range.endLine ||
    (position.line === range.endLine && position.character <= range.endCharacter);
  return afterStart && beforeEnd;
}
