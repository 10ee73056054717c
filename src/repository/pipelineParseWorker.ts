/**
 * The worker thread that parses pipelines (bundled as dist/pipelineParseWorker.js), so that a large or hostile
 * dvc.yaml or params file costs this thread time, never the extension host's. One message per request:
 * `{ id, ... }` in, `{ id, result }` or `{ id, error }` out.
 */
import { parentPort } from 'node:worker_threads';
import type { Pipeline } from '../core/pipeline/model';
import {
  parseWorkspacePipeline,
  workspacePipelineParamsFiles,
  type WorkspaceFile,
  type WorkspacePipelineInput,
} from '../core/pipeline/workspacePipeline';

/** The host asks, per dvc.yaml: first which params files to read, then the pipeline. */
export type PipelineParseRequest =
  | {
      readonly id: number;
      readonly kind: 'paramsFiles';
      readonly file: string;
      readonly dvcYaml: WorkspaceFile;
    }
  | { readonly id: number; readonly kind: 'pipeline'; readonly input: WorkspacePipelineInput };

/** The worker answers each request once, by its id. */
export type PipelineParseResponse =
  | { readonly id: number; readonly paramsFiles: readonly string[] }
  | { readonly id: number; readonly pipeline: Pipeline }
  | { readonly id: number; readonly error: string };

function answer(request: PipelineParseRequest): PipelineParseResponse {
  try {
    return request.kind === 'paramsFiles'
      ? { id: request.id, paramsFiles: workspacePipelineParamsFiles(request.file, request.dvcYaml) }
      : { id: request.id, pipeline: parseWorkspacePipeline(request.input) };
  } catch (error: unknown) {
    return { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (request: PipelineParseRequest) => {
  parentPort?.postMessage(answer(request));
});
