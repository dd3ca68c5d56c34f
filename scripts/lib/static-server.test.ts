import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDirectory, type ServedSite } from './static-server';

let parent: string;
let site: ServedSite;

beforeAll(async () => {
  parent = await mkdtemp(join(tmpdir(), 'static-'));
  const root = join(parent, 'dist');
  await mkdir(join(root, 'notes/gil'), { recursive: true });
  await mkdir(join(root, 'pagefind/index'), { recursive: true });
  await mkdir(join(root, 'empty'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<h1>home</h1>');
  await writeFile(join(root, 'notes/gil/index.html'), '<h1>gil</h1>');
  await writeFile(join(root, '404.html'), '<h1>not found</h1>');
  await writeFile(join(root, 'app.js'), 'export {}');
  await writeFile(join(root, 'site.css'), 'body{}');
  await writeFile(join(root, 'references.json'), '[]');
  await writeFile(join(root, 'favicon.svg'), '<svg/>');
  await writeFile(join(root, 'sitemap-0.xml'), '<urlset/>');
  await writeFile(join(root, 'pagefind/wasm.en.pagefind'), 'wasm');
  await writeFile(join(root, 'pagefind/pagefind.wasm'), 'wasm');
  await writeFile(join(root, 'pagefind/index/en_1.pf_index'), 'index');
  await writeFile(join(root, 'pagefind/pagefind-entry.json'), '{}');
  await writeFile(join(parent, 'package.json'), 'outside the site');
  await symlink(join(parent, 'package.json'), join(root, 'linked.json'));
  site = await serveDirectory(root);
});

afterAll(async () => {
  await site.close();
  await rm(parent, { recursive: true, force: true });
});

interface Answer {
  status: number;
  type: string | undefined;
  location: string | undefined;
  body: string;
}

/** A raw request, so `..` segments reach the server as written instead of being resolved by a URL parser. */
function send(path: string, method = 'GET'): Promise<Answer> {
  const { port } = new URL(site.url);
  return new Promise((done, fail) => {
    request({ host: '127.0.0.1', port, path, method }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => done({ status: response.statusCode ?? 0, type: response.headers['content-type'], location: response.headers.location, body }));
    })
      .on('error', fail)
      .end();
  });
}

describe('serveDirectory', () => {
  it('listens on 127.0.0.1', () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it.each([
    ['/', '<h1>home</h1>'],
    ['/notes/gil/', '<h1>gil</h1>'],
    ['/notes/gil/index.html', '<h1>gil</h1>'],
    ['/notes/gil/?q=1', '<h1>gil</h1>'],
  ])('answers %s with the index.html of the folder', async (path, body) => {
    expect(await send(path)).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body });
  });

  it('redirects a folder without its slash, as static hosts do, so relative links resolve', async () => {
    expect(await send('/notes/gil')).toMatchObject({ status: 301, location: '/notes/gil/' });
    expect(await send('/notes/gil?q=1')).toMatchObject({ status: 301, location: '/notes/gil/?q=1' });
  });

  it.each([
    ['/app.js', 'text/javascript; charset=utf-8'],
    ['/site.css', 'text/css; charset=utf-8'],
    ['/references.json', 'application/json; charset=utf-8'],
    ['/favicon.svg', 'image/svg+xml'],
    ['/sitemap-0.xml', 'application/xml; charset=utf-8'],
    ['/pagefind/pagefind.wasm', 'application/wasm'],
    ['/pagefind/index/en_1.pf_index', 'application/octet-stream'],
    ['/pagefind/pagefind-entry.json', 'application/json; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    expect(await send(path)).toMatchObject({ status: 200, type });
  });

  it.each(['/missing/', '/missing.js', '/empty/', '/notes/gil/other.html'])('answers %s with the 404 page and status 404', async (path) => {
    expect(await send(path)).toEqual({ status: 404, type: 'text/html; charset=utf-8', location: undefined, body: '<h1>not found</h1>' });
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    expect(await send('/', 'HEAD')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '' });
    expect((await send('/', 'POST')).status).toBe(405);
  });

  it.each([
    '/../package.json',
    '/notes/../../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E%2Fpackage.json',
    '/notes/..%2f..%2fpackage.json',
    '/notes/%2e%2e%2f%2e%2e%2fpackage.json',
    '/..%5c..%5cpackage.json',
    '//../package.json',
    '/linked.json',
    '/package.json%00.html',
    '/%E0%A4%A',
  ])('never serves a file outside the site: %s', async (path) => {
    const answer = await send(path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('outside the site');
  });
});
