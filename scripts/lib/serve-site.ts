/**
 * Serves a built site on 127.0.0.1 the way a static host does, with sirv: for browser tests, link checks and audits.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

export interface ServedSite {
  /** Where the site's base path is served, with a trailing slash, e.g. `http://127.0.0.1:43210/sub/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `directory` under `base` on a free port: `/foo/` answers with `/foo/index.html`, and
 * anything missing, or outside the base, gets the site's `404.html` with status 404.
 */
export async function serveDirectory(directory: string, base = '/'): Promise<ServedSite> {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  // No caching of the file list: a test may rebuild the folder between requests.
  const files = sirv(directory, { dev: true, etag: false, extensions: ['html'] });
  const notFoundPage = await readFile(join(directory, '404.html')).catch(() => undefined);
  const server = createServer((request, response) => {
    const notFound = () => {
      response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(request.method === 'HEAD' ? undefined : (notFoundPage ?? 'Not found'));
    };
    const url = request.url ?? '/';
    if (!url.startsWith(prefix)) return notFound();
    request.url = `/${url.slice(prefix.length)}`;
    return files(request, response, notFound);
  });
  await new Promise<void>((ready, fail) => server.once('error', fail).listen(0, '127.0.0.1', () => ready()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
