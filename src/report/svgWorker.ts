/**
 * The worker thread that renders report plots to SVG (bundled as dist/reportSvgWorker.js), so the extension
 * host's thread stays free while vega works. One message per plot: `{ id, spec }` in, `{ id, svg }` or
 * `{ id, error }` out.
 */
import { parentPort } from 'node:worker_threads';
import { renderVegaLiteSvg } from './vegaSvg';

export interface SvgWorkerRequest {
  readonly id: number;
  readonly spec: Readonly<Record<string, unknown>>;
}

export type SvgWorkerResponse =
  { readonly id: number; readonly svg: string } | { readonly id: number; readonly error: string };

parentPort?.on('message', (request: SvgWorkerRequest) => {
  const port = parentPort;
  renderVegaLiteSvg(request.spec).then(
    (svg) => port?.postMessage({ id: request.id, svg } satisfies SvgWorkerResponse),
    (error: unknown) =>
      port?.postMessage({
        id: request.id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies SvgWorkerResponse),
  );
});
