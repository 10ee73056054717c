/**
 * The worker thread that parses pipelines (bundled as dist/pipelineParseWorker.js), so that a large or hostile
 * dvc.yaml or params file costs this thread time, never the extension host's. One message per request:
 * `{ id, ... }` in, `{ id, result }` or `{ id, error }` out.
 */
import { parentPort } from 'node:worker_threads';
import type { Pipeline, Stage } from '../core/pipeline/model';
import {
  judgeParamsStatus,
  type ParamsStatusFiles,
  type ParamsStatusJudgement,
} from '../core/status/paramsStatusFromFiles';
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
  | { readonly id: number; readonly kind: 'pipeline'; readonly input: WorkspacePipelineInput }
  /** Stage status after only params files changed (src/repository/paramsOnlyStatus.ts). */
  | { readonly id: number; readonly kind: 'paramsStatus'; readonly files: ParamsStatusFiles };

/**
 * The worker answers each request once, by its id. A pipeline's stages come first in chunks, then the
 * pipeline without them: the host decodes each message on its own thread, and 20,000 stages in one message
 * would block it for a tenth of a second.
 */
export type PipelineParseResponse =
  | { readonly id: number; readonly paramsFiles: readonly string[] }
  | { readonly id: number; readonly stages: readonly Stage[] }
  | { readonly id: number; readonly pipeline: Pipeline }
  | { readonly id: number; readonly paramsStatus: ParamsStatusJudgement }
  | { readonly id: number; readonly error: string };

/** Small enough that one chunk decodes in a few milliseconds on the host. */
const stagesPerMessage = 200;

function answer(request: PipelineParseRequest): PipelineParseResponse[] {
  try {
    if (request.kind === 'paramsStatus')
      return [{ id: request.id, paramsStatus: judgeParamsStatus(request.files) }];
    if (request.kind === 'paramsFiles')
      return [{ id: request.id, paramsFiles: workspacePipelineParamsFiles(request.file, request.dvcYaml) }];
    const pipeline = parseWorkspacePipeline(request.input);
    const chunks: PipelineParseResponse[] = [];
    for (let start = 0; start < pipeline.stages.length; start += stagesPerMessage)
      chunks.push({ id: request.id, stages: pipeline.stages.slice(start, start + stagesPerMessage) });
    return [...chunks, { id: request.id, pipeline: { ...pipeline, stages: [] } }];
  } catch (error: unknown) {
    return [{ id: request.id, error: error instanceof Error ? error.message : String(error) }];
  }
}

parentPort?.on('message', (request: PipelineParseRequest) => {
  for (const response of answer(request)) parentPort?.postMessage(response);
});
