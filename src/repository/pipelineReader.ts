import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Pipeline } from '../core/pipeline/model';
import { MAX_IN_HOST_FILE_BYTES } from '../core/parseLimits/parseLimits';
import type { WorkspaceFile } from '../core/pipeline/workspacePipeline';
import type { ParamsStatusFiles, ParamsStatusJudgement } from '../core/status/paramsStatusFromFiles';
import { PipelineParseClient } from './pipelineParseClient';
import { relativePath } from './workspaceScan';

/** A parsed pipeline and the files it was built from, so that a change to any of them refreshes it. */
export interface PipelineRead {
  readonly pipeline: Pipeline;
  readonly sourceFiles: readonly vscode.Uri[];
}

/** One parse worker for the extension host; the bundle puts it next to extension.js. */
let parser: PipelineParseClient | undefined;
function pipelineParser(): PipelineParseClient {
  parser ??= new PipelineParseClient(join(__dirname, 'pipelineParseWorker.js'));
  return parser;
}

/** Judges params files against dvc.lock in the parse worker, off the extension host's thread. */
export function judgeParamsStatusInWorker(files: ParamsStatusFiles): Promise<ParamsStatusJudgement> {
  return pipelineParser().paramsStatus(files);
}

/** The bytes of a file, without reading one above the size budget (its size says enough). */
async function readWorkspaceFile(uri: vscode.Uri): Promise<WorkspaceFile> {
  try {
    const { size } = await vscode.workspace.fs.stat(uri);
    if (size > MAX_IN_HOST_FILE_BYTES) return { kind: 'tooLarge', size };
    return { kind: 'bytes', bytes: await vscode.workspace.fs.readFile(uri) };
  } catch {
    return { kind: 'missing' };
  }
}

/**
 * Reads one dvc.yaml, the params files it interpolates from and the dvc.lock beside it, asynchronously, and
 * parses them in the parse worker, off the extension host's thread. Never rejects: problems (a budget
 * exceeded, a parse that overran, a worker that died) come back inside the pipeline, so one broken file
 * never hides the others.
 */
export function readPipeline(root: vscode.Uri, dvcYaml: vscode.Uri): Promise<PipelineRead> {
  return parseInWorker(root, dvcYaml, readWorkspaceFile(dvcYaml));
}

/** An editor's unsaved dvc.yaml text, parsed like {@link readPipeline} with the other files from disk. */
export async function parseUnsavedPipeline(
  root: vscode.Uri,
  dvcYaml: vscode.Uri,
  text: string,
): Promise<Pipeline> {
  const bytes = new TextEncoder().encode(text);
  return (await parseInWorker(root, dvcYaml, Promise.resolve({ kind: 'bytes', bytes }))).pipeline;
}

async function parseInWorker(
  root: vscode.Uri,
  dvcYaml: vscode.Uri,
  dvcYamlContent: Promise<WorkspaceFile>,
): Promise<PipelineRead> {
  const file = relativePath(root, dvcYaml);
  const folder = vscode.Uri.joinPath(dvcYaml, '..');
  const lockUri = vscode.Uri.joinPath(folder, 'dvc.lock');
  let sourceFiles: vscode.Uri[] = [dvcYaml, lockUri];
  try {
    const [text, dvcLock] = await Promise.all([dvcYamlContent, readWorkspaceFile(lockUri)]);
    const paramsNames = await pipelineParser().paramsFiles(file, text);
    const paramsUris = paramsNames.map((name) => vscode.Uri.joinPath(folder, name));
    sourceFiles = [dvcYaml, lockUri, ...paramsUris];
    const paramsContents = await Promise.all(paramsUris.map(readWorkspaceFile));
    const paramsFiles = new Map(
      paramsNames.map((name, index) => [name, paramsContents[index] ?? { kind: 'missing' as const }]),
    );
    return {
      pipeline: await pipelineParser().pipeline({ file, dvcYaml: text, paramsFiles, dvcLock }),
      sourceFiles,
    };
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    const problem = {
      severity: 'error' as const,
      message: `DVC Lens could not read '${file}': ${reason}`,
      file,
      range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 },
    };
    return { pipeline: { file, stages: [], problems: [problem] }, sourceFiles };
  }
}
