import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDirectory, type ServedSite } from './static-server';

let site: ServedSite;

beforeAll(async () => {
  const parent = await mkdtemp(join(tmpdir(), 'static-'));
  const root = join(parent, 'dist');
  await mkdir(join(root, 'notes/gil'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<h1>home</h1>');
  await writeFile(join(root, 'notes/gil/index.html'), '<h1>gil</h1>');
  await writeFile(join(root, '404.html'), '<h1>not found</h1>');
  await writeFile(join(root, 'app.js'), 'export {}');
  await writeFile(join(parent, 'secret.txt'), 'outside the site');
  site = await serveDirectory(root);
});

afterAll(() => site.close());

/** A raw GET, so `..` segments reach the server as written instead of being resolved by a URL parser. */
function get(path: string): Promise<{ status: number; type: string; body: string }> {
  const { port } = new URL(site.url);
  return new Promise((done, fail) => {
    request({ host: '127.0.0.1', port, path }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => done({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body }));
    })
      .on('error', fail)
      .end();
  });
}

describe('serveDirectory', () => {
  it.each([
    ['/', 200, 'text/html; charset=utf-8', '<h1>home</h1>'],
    ['/notes/gil/', 200, 'text/html; charset=utf-8', '<h1>gil</h1>'],
    ['/app.js', 200, 'text/javascript; charset=utf-8', 'export {}'],
    ['/missing/', 404, 'text/html; charset=utf-8', '<h1>not found</h1>'],
  ])('%s', async (path, status, type, body) => {
    expect(await get(path)).toEqual({ status, type, body });
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/notes/..%2f..%2fsecret.txt', '/%E0%A4%A'])('never serves a file outside the site: %s', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('outside the site');
  });
});
