/**
 * The extension host's SVG renderer for report plots: one worker thread (dist/reportSvgWorker.js) per report,
 * ended with `dispose()` (or when the report is cancelled), so vega's work never runs on the host's thread.
 */
import { Worker } from 'node:worker_threads';
import type { SvgRenderer } from './reportPlotImages';
import type { SvgWorkerRequest, SvgWorkerResponse } from './svgWorker';

export interface DisposableSvgRenderer {
  readonly render: SvgRenderer;
  dispose(): void;
}

export function svgWorkerRenderer(workerFile: string): DisposableSvgRenderer {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: (svg: string) => void; reject: (error: Error) => void }>();
  const failAll = (error: Error): void => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  const start = (): Worker => {
    const started = new Worker(workerFile);
    started.on('message', (response: SvgWorkerResponse) => {
      const waiter = pending.get(response.id);
      pending.delete(response.id);
      if ('svg' in response) waiter?.resolve(response.svg);
      else waiter?.reject(new Error(response.error));
    });
    started.on('error', (error) => failAll(error));
    started.on('exit', () => {
      worker = undefined;
      failAll(new Error('the plot renderer stopped'));
    });
    return started;
  };
  return {
    render: (spec) =>
      new Promise<string>((resolve, reject) => {
        worker ??= start();
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, spec } satisfies SvgWorkerRequest);
      }),
    dispose: () => {
      void worker?.terminate();
      worker = undefined;
    },
  };
}
