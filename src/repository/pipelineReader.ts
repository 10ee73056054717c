import * as vscode from 'vscode';
import type { Pipeline } from '../core/pipeline/model';
import { parsePipeline, pipelineParamsFiles } from '../core/pipeline';
import { relativePath } from './workspaceScan';

/** A parsed pipeline and the files it was built from, so that a change to any of them refreshes it. */
export interface PipelineRead {
  readonly pipeline: Pipeline;
  readonly sourceFiles: readonly vscode.Uri[];
}

const decoder = new TextDecoder();

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * Reads one dvc.yaml and the params files it interpolates from, asynchronously, and parses them in-process.
 * The parse never throws: problems come back inside the pipeline, so one broken file never hides the others.
 */
export async function readPipeline(root: vscode.Uri, dvcYaml: vscode.Uri): Promise<PipelineRead> {
  const file = relativePath(root, dvcYaml);
  const text = (await readText(dvcYaml)) ?? '';
  const folder = vscode.Uri.joinPath(dvcYaml, '..');
  const paramsNames = pipelineParamsFiles(text);
  const paramsUris = paramsNames.map((name) => vscode.Uri.joinPath(folder, name));
  const paramsTexts = await Promise.all(paramsUris.map(readText));
  const paramsFiles = new Map(paramsNames.map((name, index) => [name, paramsTexts[index]]));
  return { pipeline: parsePipeline({ file, text, paramsFiles }), sourceFiles: [dvcYaml, ...paramsUris] };
}
