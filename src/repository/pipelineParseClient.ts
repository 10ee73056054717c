/**
 * The extension host's side of the pipeline parse worker (dist/pipelineParseWorker.js): one worker thread,
 * started on first use, idle without holding the process open, ended and restarted when a parse overruns its
 * time (a budget nobody foresaw) or the worker dies. Requests and their answers are plain structured data.
 */
import { Worker } from 'node:worker_threads';
import type { Pipeline, Stage } from '../core/pipeline/model';
import type { WorkspaceFile, WorkspacePipelineInput } from '../core/pipeline/workspacePipeline';
import type { ParamsStatusFiles, ParamsStatusJudgement } from '../core/status/paramsStatusFromFiles';
import type { PipelineParseRequest, PipelineParseResponse } from './pipelineParseWorker';

/** Far above what a file within the size budget takes; past it the worker is ended and the file reported. */
const PARSE_TIMEOUT_MS = 60_000;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface Waiter {
  readonly request: PipelineParseRequest;
  /** The stages received so far, for a pipeline request. */
  readonly stages: Stage[];
  readonly resolve: (response: PipelineParseResponse) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

export class PipelineParseClient {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Waiter>();

  constructor(
    private readonly workerFile: string,
    private readonly timeoutMs = PARSE_TIMEOUT_MS,
  ) {}

  async paramsFiles(file: string, dvcYaml: WorkspaceFile): Promise<readonly string[]> {
    const response = await this.request({ kind: 'paramsFiles', file, dvcYaml });
    if ('paramsFiles' in response) return response.paramsFiles;
    throw new Error('error' in response ? response.error : 'unexpected answer from the parse worker');
  }

  async pipeline(input: WorkspacePipelineInput): Promise<Pipeline> {
    const response = await this.request({ kind: 'pipeline', input });
    if ('pipeline' in response) return response.pipeline;
    throw new Error('error' in response ? response.error : 'unexpected answer from the parse worker');
  }

  /** The params part of stage status, judged from the files (see src/core/status/paramsStatusFromFiles.ts). */
  async paramsStatus(files: ParamsStatusFiles): Promise<ParamsStatusJudgement> {
    const response = await this.request({ kind: 'paramsStatus', files });
    if ('paramsStatus' in response) return response.paramsStatus;
    throw new Error('error' in response ? response.error : 'unexpected answer from the parse worker');
  }

  dispose(): void {
    this.stop(new Error('the pipeline parser was closed'));
  }

  private request(request: DistributiveOmit<PipelineParseRequest, 'id'>): Promise<PipelineParseResponse> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.send({ ...request, id }, resolve, reject);
    });
  }

  private send(request: PipelineParseRequest, resolve: Waiter['resolve'], reject: Waiter['reject']): void {
    const worker = (this.worker ??= this.start());
    const timer = setTimeout(() => this.overran(request.id), this.timeoutMs);
    this.pending.set(request.id, { request, stages: [], resolve, reject, timer });
    // Only while a parse is pending does the worker keep the process alive.
    worker.ref();
    worker.postMessage(request);
  }

  /** One parse overran: it fails alone; the others are asked again of a fresh worker. */
  private overran(id: number): void {
    const waiters = [...this.pending.values()];
    this.pending.clear();
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    for (const waiter of waiters) {
      clearTimeout(waiter.timer);
      waiter.stages.length = 0;
      if (waiter.request.id === id)
        waiter.reject(
          new Error(`parsing took longer than ${this.timeoutMs / 1000} s; DVC Lens gave up on it`),
        );
      else this.send(waiter.request, waiter.resolve, waiter.reject);
    }
  }

  private start(): Worker {
    const worker = new Worker(this.workerFile);
    worker.unref();
    worker.on('message', (response: PipelineParseResponse) => {
      const waiter = this.pending.get(response.id);
      if ('stages' in response) {
        for (const stage of response.stages) waiter?.stages.push(stage);
        return;
      }
      this.pending.delete(response.id);
      if (this.pending.size === 0) worker.unref();
      if (!waiter) return;
      clearTimeout(waiter.timer);
      waiter.resolve(
        'pipeline' in response
          ? { ...response, pipeline: { ...response.pipeline, stages: waiter.stages } }
          : response,
      );
    });
    worker.on('error', (error) => this.stop(error));
    worker.on('exit', () => {
      if (this.worker === worker) this.stop(new Error('the pipeline parser stopped'));
    });
    return worker;
  }

  /** Ends the worker (a new one starts with the next request) and fails what was pending. */
  private stop(error: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    for (const waiter of this.pending.values()) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.pending.clear();
  }
}
