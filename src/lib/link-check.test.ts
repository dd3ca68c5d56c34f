import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLink, checkLinks, hasFragment } from './link-check';

let server: Server;
let origin: string;
let inFlight = 0;
let maxInFlight = 0;
const seenAgents: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seenAgents.push(String(request.headers['user-agent']));
    const path = request.url ?? '/';
    const html = (body: string) => response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>t</title>${body}`);
    switch (path) {
      case '/ok':
        return html('<h1 id="top">Hello</h1><a name="legacy"></a>');
      case '/moved':
        return response.writeHead(301, { Location: '/moved-again' }).end();
      case '/moved-again':
        return response.writeHead(308, { Location: `${origin}/ok` }).end();
      case '/missing':
        return response.writeHead(404).end('not here');
      case '/error':
        return response.writeHead(500).end('oops');
      case '/loop-a':
        return response.writeHead(302, { Location: '/loop-b' }).end();
      case '/loop-b':
        return response.writeHead(302, { Location: '/loop-a' }).end();
      case '/slow': {
        const timer = setTimeout(() => html('late'), 3_000);
        request.on('close', () => clearTimeout(timer));
        return undefined;
      }
      case '/pdf':
        return response.writeHead(200, { 'Content-Type': 'application/pdf' }).end('%PDF');
      default:
        if (path.startsWith('/counted')) {
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          setTimeout(() => {
            inFlight -= 1;
            html('counted');
          }, 50);
          return undefined;
        }
        return response.writeHead(404).end();
    }
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => {
  server.closeAllConnections();
  server.close(() => done());
}));

const options = { userAgent: 'python-concurrency-notes-linkcheck/1.0 (test)', timeoutMs: 1_000 };

describe('checkLink against a real server on 127.0.0.1', () => {
  it('a 200 page is ok, and the check says who it is', async () => {
    expect(await checkLink(`${origin}/ok`, options)).toEqual({ url: `${origin}/ok`, state: 'ok', httpStatus: 200, redirects: [] });
    expect(seenAgents).toContain('python-concurrency-notes-linkcheck/1.0 (test)');
  });

  it('follows a 301 then 308 chain, recording every hop and the final URL', async () => {
    expect(await checkLink(`${origin}/moved`, options)).toEqual({
      url: `${origin}/moved`,
      state: 'redirected',
      httpStatus: 200,
      finalUrl: `${origin}/ok`,
      redirects: [
        { status: 301, location: '/moved-again' },
        { status: 308, location: `${origin}/ok` },
      ],
    });
  });

  it.each([
    ['/missing', 'HTTP 404', 404],
    ['/error', 'HTTP 500', 500],
  ])('%s is broken', async (path, error, httpStatus) => {
    expect(await checkLink(`${origin}${path}`, options)).toMatchObject({ state: 'broken', error, httpStatus });
  });

  it('a redirect loop is broken, not followed forever', async () => {
    expect(await checkLink(`${origin}/loop-a`, options)).toMatchObject({ state: 'broken', error: 'redirect loop' });
  });

  it('a response slower than the time-out is unreachable', async () => {
    const started = Date.now();
    expect(await checkLink(`${origin}/slow`, { ...options, timeoutMs: 200 })).toMatchObject({ state: 'unreachable', error: 'no answer within 0.2 s' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a closed port is unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((ready) => closed.listen(0, '127.0.0.1', ready));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    expect(await checkLink(`http://127.0.0.1:${port}/`, options)).toMatchObject({ state: 'unreachable', error: 'ECONNREFUSED' });
  });

  it.each([
    ['#top', true],
    ['#legacy', true],
    ['#gone', false],
  ])('checks that %s is on the page', async (fragment, found) => {
    expect(await checkLink(`${origin}/ok${fragment}`, options)).toMatchObject({ state: 'ok', fragmentFound: found });
  });

  it('checks the fragment on the page a redirect ends at', async () => {
    expect(await checkLink(`${origin}/moved#top`, options)).toMatchObject({ state: 'redirected', fragmentFound: true });
  });

  it('does not look for fragments in files that are not HTML', async () => {
    expect(await checkLink(`${origin}/pdf#page=2`, options)).toEqual({ url: `${origin}/pdf#page=2`, state: 'ok', httpStatus: 200, redirects: [] });
  });
});

describe('checkLinks', () => {
  it('keeps at most the per-host limit of requests in flight on one host', async () => {
    maxInFlight = 0;
    const urls = Array.from({ length: 8 }, (_, i) => `${origin}/counted-${i}`);
    const results = await checkLinks(urls, { ...options, concurrency: 8, perHost: 2 });
    expect(results.map((result) => result.state)).toEqual(Array(8).fill('ok'));
    expect(maxInFlight).toBe(2);
  });
});

describe('hasFragment', () => {
  it.each([
    ['<div id="x"></div>', 'x', true],
    ['<a name="x"></a>', 'x', true],
    ['<div name="x"></div>', 'x', false],
    ['<p>id="x"</p>', 'x', false],
  ])('%s has #%s: %s', (html, fragment, expected) => {
    expect(hasFragment(html, fragment)).toBe(expected);
  });
});
