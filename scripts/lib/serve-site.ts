/**
 * Serves a built site on 127.0.0.1 the way a static host does, with sirv: for browser tests, link checks and audits.
 */
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { basePrefix } from '../../src/lib/site/paths';

export interface ServedSite {
  /** Where the site's base path is served, with a trailing slash, e.g. `http://127.0.0.1:43210/sub/`. */
  url: string;
  close(): Promise<void>;
}

/** A copy of a built site with a gzip sibling beside each text file, to serve it as hosts send it. */
export async function gzippedCopy(directory: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'site-gzip-'));
  await cp(directory, copy, { recursive: true });
  const entries = await readdir(copy, { recursive: true, withFileTypes: true });
  const texts = entries.filter((entry) => entry.isFile() && /\.(html|css|js|json|svg|xml)$/.test(entry.name));
  await Promise.all(
    texts.map(async (entry) => {
      const path = join(entry.parentPath, entry.name);
      await writeFile(`${path}.gz`, gzipSync(await readFile(path)));
    }),
  );
  return copy;
}

/**
 * Serves `directory` under `base` on a free port: `/foo/` answers with `/foo/index.html`, and
 * anything missing, or outside the base, gets the site's `404.html` with status 404.
 */
export async function serveDirectory(
  directory: string,
  base = '/',
  { gzip = false }: { gzip?: boolean } = {},
): Promise<ServedSite> {
  const prefix = basePrefix(base);
  // No caching of the file list: a test may rebuild the folder between requests. With `gzip`, a
  // file's `.gz` sibling is sent to browsers that accept it, as static hosts compress text.
  const files = sirv(directory, { dev: true, etag: false, extensions: ['html'], gzip });
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
