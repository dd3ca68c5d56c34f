import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, startServer, type TestServer } from '../../tests/helpers/http-server';
import { checkLinks, type LinkCheckOptions, userAgentFor } from './check';

/** One URL through the checker, as the tests below look at them one at a time. */
async function checkLink(url: string, options: LinkCheckOptions) {
  const [result] = await checkLinks([url], options);
  if (!result) throw new Error(`no result for ${url}`);
  return result;
}

const PAGE = `<!doctype html><title>t</title>
<h1 id="top">Hello</h1><a name="legacy"></a><h2 id="café">Café</h2>
<article><h2 id="user-content-install">Install</h2></article><p>id="not-an-element"</p>`;

// Counts requests in flight across every server of the test, for the overall concurrency limit.
let inFlightEverywhere = 0;
let peakEverywhere = 0;

/** Answers one request of the test server; the value returned is only the finished response. */
function routes(request: IncomingMessage, response: ServerResponse, origin: string): ServerResponse | undefined {
  const path = request.url ?? '/';
  const send = (status: number, headers: Record<string, string> = {}, body = ''): ServerResponse =>
    response.writeHead(status, headers).end(body);
  const html = (body: string) => send(200, { 'Content-Type': 'text/html; charset=utf-8' }, body);
  const redirect = (status: number, location: string) => send(status, { Location: location });
  const hop = /^\/hop\/(\d+)$/.exec(path);
  if (hop) {
    const step = Number(hop[1]);
    return step < 5 ? redirect(302, `/hop/${step + 1}`) : html('<p>end of the chain</p>');
  }
  if (path.startsWith('/counted')) {
    inFlightEverywhere += 1;
    peakEverywhere = Math.max(peakEverywhere, inFlightEverywhere);
    setTimeout(() => {
      inFlightEverywhere -= 1;
      html('<p>counted</p>');
    }, 100);
    return;
  }
  switch (path) {
    case '/ok':
      return html(PAGE);
    case '/moved':
      return redirect(301, '/moved-again');
    case '/moved-again':
      return redirect(308, `${origin}/ok`);
    case '/missing':
      return send(404, {}, 'not here');
    case '/error':
      return send(500, {}, 'oops');
    case '/busy':
      return send(429);
    case '/loop-a':
      return redirect(302, '/loop-b');
    case '/loop-b':
      return redirect(302, '/loop-a');
    case '/dir/':
      return html('<p>a directory index</p>');
    case '/pdf':
      return send(200, { 'Content-Type': 'application/pdf' }, '%PDF-1.7');
    case '/no-head':
      return request.method === 'HEAD' ? send(405, { Allow: 'GET' }) : html('<p>GET only</p>');
    case '/slow': {
      const timer = setTimeout(() => html('<p>too late</p>'), 2_000);
      response.on('close', () => clearTimeout(timer));
      return;
    }
    default:
      return send(404);
  }
}

let server: TestServer;
let other: TestServer;
let origin: string;

beforeAll(async () => {
  [server, other] = await Promise.all([startServer(routes), startServer(routes)]);
  origin = server.origin;
});

afterAll(() => Promise.all([server.close(), other.close()]));

const options: LinkCheckOptions = { siteUrl: 'https://notes.example/', timeoutMs: 1_000 };
const requestsFor = (path: string) => server.requests.filter((line) => line.endsWith(` ${path}`));

describe('checkLink against a real server on 127.0.0.1', () => {
  it('a 200 page is ok, and the request says who is asking', async () => {
    expect(await checkLink(`${origin}/ok`, options)).toEqual({
      url: `${origin}/ok`,
      state: 'ok',
      httpStatus: 200,
      redirects: [],
    });
    expect(server.userAgents).toContain('python-concurrency-notes-linkcheck/1.0 (+https://notes.example/references/)');
    expect(userAgentFor('https://notes.example/python')).toBe(
      'python-concurrency-notes-linkcheck/1.0 (+https://notes.example/python/references/)',
    );
  });

  it('follows a 301 then a 308, recording every hop and where it ended', async () => {
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
    ['/missing', 404, 'broken', 'HTTP 404'],
    ['/error', 500, 'broken', 'HTTP 500'],
    ['/busy', 429, 'unreachable', 'HTTP 429 (rate limited, try later)'],
  ])('%s answers %i: %s', async (path, httpStatus, state, error) => {
    expect(await checkLink(`${origin}${path}`, options)).toEqual({
      url: `${origin}${path}`,
      state,
      httpStatus,
      redirects: [],
      error,
    });
  });

  it('a redirect loop is broken, not followed forever', async () => {
    expect(await checkLink(`${origin}/loop-a`, options)).toMatchObject({
      state: 'broken',
      error: 'redirect loop',
      redirects: [
        { status: 302, location: '/loop-b' },
        { status: 302, location: '/loop-a' },
      ],
    });
  });

  it.each([
    [10, 'redirected', undefined],
    [4, 'broken', 'more than 4 redirects'],
  ])('a chain of 5 redirects with at most %i allowed is %s', async (maxRedirects, state, error) => {
    const result = await checkLink(`${origin}/hop/0`, { ...options, maxRedirects });
    expect(result.state).toBe(state);
    expect(result.error).toBe(error);
  });

  it('a page slower than the time-out is unreachable, and the check gives up on time', async () => {
    const started = Date.now();
    expect(await checkLink(`${origin}/slow`, { ...options, timeoutMs: 200 })).toEqual({
      url: `${origin}/slow`,
      state: 'unreachable',
      redirects: [],
      error: 'no answer within 0.2 s',
    });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('a closed port is unreachable', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/`;
    expect(await checkLink(url, options)).toEqual({
      url,
      state: 'unreachable',
      redirects: [],
      error: 'connection refused (ECONNREFUSED)',
    });
  });

  it('a host that does not resolve is unreachable', async () => {
    const result = await checkLink('http://no-such-host.invalid/', options);
    expect(result).toMatchObject({ state: 'unreachable', redirects: [] });
    expect(result.httpStatus).toBeUndefined();
  });

  it('keeps the trailing slash it was given: /dir/ is not /dir', async () => {
    expect(await checkLink(`${origin}/dir/`, options)).toMatchObject({ state: 'ok', httpStatus: 200 });
  });

  it('asks again with GET when the server refuses HEAD', async () => {
    server.resetCounts();
    expect(await checkLink(`${origin}/no-head`, options)).toMatchObject({ state: 'ok', httpStatus: 200 });
    expect(requestsFor('/no-head')).toEqual(['HEAD /no-head', 'GET /no-head']);
  });
});

describe('#fragments', () => {
  it.each([
    ['#top', 'an id', true],
    ['#legacy', 'an <a name>', true],
    ['#caf%C3%A9', 'a percent-encoded id', true],
    ['#install', 'a GitHub README heading', true],
    ['#gone', 'nothing', false],
    ['#not-an-element', 'only text that looks like an id', false],
  ])('%s (%s on the page): fragmentFound %s, and the link stays ok', async (fragment, _what, found) => {
    expect(await checkLink(`${origin}/ok${fragment}`, options)).toMatchObject({
      state: 'ok',
      httpStatus: 200,
      fragmentFound: found,
    });
  });

  it('are looked up on the page the redirects end at, and kept on the final URL', async () => {
    expect(await checkLink(`${origin}/moved#top`, options)).toMatchObject({
      state: 'redirected',
      finalUrl: `${origin}/ok#top`,
      fragmentFound: true,
    });
  });

  it.each([
    ['a PDF', '/pdf#page=2'],
    ['a text directive', '/ok#:~:text=Hello'],
  ])('are not looked up in %s', async (_what, path) => {
    const result = await checkLink(`${origin}${path}`, options);
    expect(result.state).toBe('ok');
    expect(result).not.toHaveProperty('fragmentFound');
  });

  it('several links into one page fetch it once', async () => {
    server.resetCounts();
    const results = await checkLinks([`${origin}/ok#top`, `${origin}/ok#gone`, `${origin}/ok`], options);
    expect(results.map((result) => [result.url, result.fragmentFound])).toEqual([
      [`${origin}/ok#top`, true],
      [`${origin}/ok#gone`, false],
      [`${origin}/ok`, undefined],
    ]);
    expect(requestsFor('/ok')).toEqual(['GET /ok']);
  });
});

describe('checkLinks concurrency', () => {
  it('keeps at most the per-host limit of requests in flight on one host', async () => {
    server.resetCounts();
    const urls = Array.from({ length: 8 }, (_, i) => `${origin}/counted-${i}`);
    const results = await checkLinks(urls, { ...options, concurrency: 8, perHost: 2 });
    expect(results.map((result) => result.state)).toEqual(Array(8).fill('ok'));
    expect(server.maxInFlight()).toBe(2);
  });

  it('keeps at most the overall limit in flight across hosts, each host still within its own', async () => {
    server.resetCounts();
    other.resetCounts();
    peakEverywhere = 0;
    const urls = Array.from({ length: 8 }, (_, i) => `${i % 2 ? origin : other.origin}/counted-${i}`);
    const results = await checkLinks(urls, { ...options, concurrency: 3, perHost: 2 });
    expect(results.every((result) => result.state === 'ok')).toBe(true);
    expect(peakEverywhere).toBe(3);
    expect(Math.max(server.maxInFlight(), other.maxInFlight())).toBeLessThanOrEqual(2);
  });

  it('answers in the order the URLs were given, whatever order they finished in', async () => {
    const urls = [`${origin}/slow`, `${origin}/ok`, 'mailto:someone@example.org'];
    const results = await checkLinks(urls, { ...options, timeoutMs: 200 });
    expect(results.map((result) => [result.url, result.state])).toEqual([
      [urls[0], 'unreachable'],
      [urls[1], 'ok'],
      [urls[2], 'broken'],
    ]);
  });
});
