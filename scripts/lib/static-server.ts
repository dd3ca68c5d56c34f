/** Serves a built site on 127.0.0.1 the way a static host does, for browser tests and audits. */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  // Pagefind's index chunks are gzipped binary its client fetches and inflates itself.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export const contentTypeOf = (file: string): string => CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

export interface ServedSite {
  /** Origin with a trailing slash, e.g. `http://127.0.0.1:43210/`. */
  url: string;
  close(): Promise<void>;
}

type Found = { kind: 'file'; path: string } | { kind: 'directory' } | { kind: 'none' };

const inside = (root: string, path: string) => path === root || path.startsWith(root + sep);

/**
 * What a request path names inside `root`: a file, a directory (which a host redirects to its
 * slash form), or nothing. Paths that decode to somewhere outside the root, directly or through
 * a symbolic link, name nothing.
 */
async function lookUp(root: string, rawPath: string): Promise<Found> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'none' };
  }
  if (decoded.includes('\0')) return { kind: 'none' };
  const target = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  if (!inside(root, target)) return { kind: 'none' };
  const candidate = decoded.endsWith('/') ? join(target, 'index.html') : target;
  const stats = await stat(candidate).catch(() => undefined);
  if (stats === undefined) return { kind: 'none' };
  const real = await realpath(candidate).catch(() => '');
  if (!inside(root, real)) return { kind: 'none' };
  if (stats.isFile()) return { kind: 'file', path: real };
  if (stats.isDirectory() && (await stat(join(real, 'index.html')).catch(() => undefined))?.isFile()) return { kind: 'directory' };
  return { kind: 'none' };
}

function send(response: ServerResponse, status: number, file: string, withBody: boolean): void {
  response.writeHead(status, { 'Content-Type': contentTypeOf(file) });
  if (!withBody) {
    response.end();
    return;
  }
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
}

/**
 * Serves `directory` on a free port of 127.0.0.1: `/foo/` answers with `/foo/index.html`, `/foo`
 * (a folder) redirects to `/foo/`, anything missing gets `/404.html` with status 404.
 */
export async function serveDirectory(directory: string): Promise<ServedSite> {
  const root = await realpath(resolve(directory));
  const server = createServer((request, response) => {
    void (async () => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed');
        return;
      }
      const withBody = request.method === 'GET';
      // Split by hand: parsing `//host/path` as a URL would treat it as another origin.
      const [rawPath = '/', query] = (request.url ?? '/').split(/\?(.*)/s, 2);
      const found = await lookUp(root, rawPath);
      if (found.kind === 'file') return send(response, 200, found.path, withBody);
      if (found.kind === 'directory') {
        // One leading slash only: `//host` in Location would send the browser to another origin.
        const location = `/${rawPath.replace(/^\/+/, '')}/${query === undefined ? '' : `?${query}`}`;
        response.writeHead(301, { Location: location }).end();
        return;
      }
      const notFound = await lookUp(root, '/404.html');
      if (notFound.kind === 'file') return send(response, 404, notFound.path, withBody);
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(withBody ? 'Not found' : undefined);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((ready, fail) => server.once('error', fail).listen(0, '127.0.0.1', () => ready()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
