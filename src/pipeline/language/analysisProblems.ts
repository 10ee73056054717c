/**
 * Gathers what {@link analyzePipeline} needs from the file system, asynchronously and only for the paths
 * the pipelines mention: a stat per dep, a read per params file named by a stage.
 */
import * as vscode from 'vscode';
import type { PipelineProblem } from '../../core/pipeline';
import {
  analyzePipeline,
  dependencyPaths,
  isProduced,
  producedPaths,
  stageParamsFiles,
} from '../../core/pipeline/analysis';
import type { Repository } from '../../repository/repository';
import { pathExists, readWorkspaceText } from './workspaceText';

export async function computeAnalysisProblems(repository: Repository): Promise<PipelineProblem[]> {
  const pipelines = repository.pipelines;
  const produced = producedPaths(pipelines);
  const deps = new Set(pipelines.flatMap(dependencyPaths).filter((path) => !isProduced(path, produced)));
  const paramsPaths = new Set(pipelines.flatMap(stageParamsFiles));
  const at = (path: string): vscode.Uri => vscode.Uri.joinPath(repository.root, path);
  const [existing, paramsTexts] = await Promise.all([
    Promise.all([...deps].map(async (path) => ((await dependencyPresent(at(path))) ? [path] : []))),
    Promise.all([...paramsPaths].map(async (path) => [path, await readWorkspaceText(at(path))] as const)),
  ]);
  const input = {
    existingPaths: new Set(existing.flat()),
    paramsFiles: new Map(paramsTexts),
    producedPaths: produced,
  };
  return pipelines.flatMap((pipeline) => analyzePipeline(pipeline, input));
}

/** Present in the workspace, or tracked by a `.dvc` file and only not pulled yet (then it is no mistake). */
async function dependencyPresent(uri: vscode.Uri): Promise<boolean> {
  return (await pathExists(uri)) || pathExists(uri.with({ path: `${uri.path}.dvc` }));
}
