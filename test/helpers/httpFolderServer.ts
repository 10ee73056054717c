/**
 * A read-only HTTP server for a folder on a loopback port: what a DVC HTTP remote needs to pull (GET and HEAD
 * of `<prefix>/files/md5/..`). Used to make the fresh-clone fixture's remote reachable again.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join, normalize, sep } from 'node:path';

export interface HttpFolderServer {
  readonly url: string;
  /** How many requests it answered (a test can tell DVC really asked). */
  readonly requests: () => number;
  close(): Promise<void>;
}

/** A port nobody listens on right now (bound then released), so a URL on it is refused until served. */
export async function unusedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await closeServer(server);
  if (address === null || typeof address === 'string') throw new Error('no loopback port');
  return address.port;
}

export async function serveFolderOverHttp(
  folder: string,
  port: number,
  prefix: string,
): Promise<HttpFolderServer> {
  let count = 0;
  const server = createServer((request, response) => {
    count++;
    const path = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
    const relative = normalize(path.startsWith(prefix) ? path.slice(prefix.length) : path);
    const file = join(folder, relative);
    if (!file.startsWith(folder + sep) || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404).end();
      return;
    }
    stat(file).then(
      (info) => {
        if (!info.isFile()) {
          response.writeHead(404).end();
          return;
        }
        response.writeHead(200, { 'content-length': info.size, 'content-type': 'application/octet-stream' });
        if (request.method === 'HEAD') response.end();
        else createReadStream(file).pipe(response);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests: () => count,
    close: () => closeServer(server),
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections?.();
  return new Promise((resolve) => server.close(() => resolve()));
}
