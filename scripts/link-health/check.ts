/** Checks outbound URLs over the network: status, redirect chain, final URL, #fragment, time-outs. */
import pLimit, { type LimitFunction } from 'p-limit';
import type { LinkState } from '../../src/lib/link-health/status';
import { elementFragment, hasFragment } from './page-fragments';
import { isWebUrl } from '../../src/lib/references/urls';

export interface RedirectHop {
  status: number;
  /** The Location header as the server sent it (possibly relative). */
  location: string;
}

export interface LinkCheckResult {
  url: string;
  state: LinkState;
  /** Status of the last answer, when there was one. */
  httpStatus?: number;
  /** Where the redirects ended (with the URL's own #fragment kept), when there were any. */
  finalUrl?: string;
  redirects: RedirectHop[];
  /** Whether the final HTML page has the URL's `#fragment`; absent when there was nothing to look for. */
  fragmentFound?: boolean;
  /** Why the link is broken or unreachable. */
  error?: string;
}

export interface LinkCheckOptions {
  /** The site doing the checking, named in the User-Agent so a site owner can see who asks and why. */
  siteUrl: string;
  /** Time-out of each request, body included. */
  timeoutMs?: number;
  /** Pages fetched at once, across all hosts. */
  concurrency?: number;
  /** Pages fetched at once from one host (host and port of the URL as given). */
  perHost?: number;
  maxRedirects?: number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Pages are read whole to find the fragment; past this size the rest is not worth the download.
const MAX_HTML_BYTES = 10 * 1024 * 1024;

export function userAgentFor(siteUrl: string): string {
  return `python-concurrency-notes-linkcheck/1.0 (+${new URL('references/', siteUrl.replace(/\/?$/, '/')).href})`;
}

/** What fetching one page (without fragment) found, shared by every URL that points into it. */
interface PageOutcome {
  redirects: RedirectHop[];
  /** The last URL requested. */
  lastUrl: string;
  httpStatus?: number;
  /** The page's HTML, when it was asked for and the page is HTML. */
  html?: string;
  failure?: { state: 'broken' | 'unreachable'; error: string };
}

interface Settings {
  userAgent: string;
  timeoutMs: number;
  maxRedirects: number;
}

/** One request; its time-out also covers reading the body. */
function request(url: string, method: 'GET' | 'HEAD', settings: Settings): Promise<Response> {
  return fetch(url, {
    method,
    redirect: 'manual',
    headers: { 'User-Agent': settings.userAgent, Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' },
    signal: AbortSignal.timeout(settings.timeoutMs),
  });
}

/**
 * Asks with HEAD when only the status matters, and again with GET when HEAD fails: servers that
 * mishandle HEAD answer 403, 404, 405, 501 and more, and a false "broken" costs an author more
 * than a second request to a link that is failing anyway.
 */
async function answer(url: string, wantBody: boolean, settings: Settings): Promise<Response> {
  if (wantBody) return request(url, 'GET', settings);
  const head = await request(url, 'HEAD', settings);
  if (head.status < 400) return head;
  await discard(head);
  return request(url, 'GET', settings);
}

/** Drops a body we do not need, so the connection can be reused; a body that already failed is no loss. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

async function readHtml(response: Response): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!response.body) return '';
  for await (const chunk of response.body) {
    chunks.push(chunk);
    size += chunk.byteLength;
    if (size >= MAX_HTML_BYTES) break; // leaving the loop cancels the download
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

const isHtml = (response: Response) =>
  /\b(text\/html|application\/xhtml\+xml)\b/i.test(response.headers.get('content-type') ?? '');

const NETWORK_ERRORS: Readonly<Record<string, string>> = {
  ENOTFOUND: 'DNS lookup failed',
  EAI_AGAIN: 'DNS lookup failed',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  UND_ERR_CONNECT_TIMEOUT: 'no connection in time',
};

function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${timeoutMs / 1000} s`;
  // fetch wraps the socket error: `TypeError('fetch failed', { cause })`, the cause carrying the code.
  const cause =
    error instanceof Error && error.cause instanceof Error ? (error.cause as Error & { code?: string }) : undefined;
  const code = cause?.code ?? '';
  const label = NETWORK_ERRORS[code] ?? (/CERT|TLS|SSL/.test(code) ? 'TLS error' : undefined);
  if (label) return `${label} (${code})`;
  return [cause?.message ?? (error instanceof Error ? error.message : String(error)), code && `(${code})`]
    .filter(Boolean)
    .join(' ');
}

/** Fetches one page, following redirects by hand so every hop is recorded and loops are caught. */
async function fetchPage(pageUrl: string, wantHtml: boolean, settings: Settings): Promise<PageOutcome> {
  const redirects: RedirectHop[] = [];
  const seen = new Set<string>([pageUrl]);
  let current = pageUrl;
  const stop = (
    state: 'broken' | 'unreachable',
    error: string,
    httpStatus?: number,
    lastUrl = current,
  ): PageOutcome => ({
    redirects,
    lastUrl,
    ...(httpStatus === undefined ? {} : { httpStatus }),
    failure: { state, error },
  });
  for (;;) {
    let response: Response;
    try {
      response = await answer(current, wantHtml, settings);
    } catch (error) {
      return stop('unreachable', describeNetworkError(error, settings.timeoutMs));
    }
    const { status } = response;
    const location = response.headers.get('location');
    if (REDIRECT_STATUSES.has(status) && location !== null) {
      await discard(response);
      redirects.push({ status, location });
      if (!URL.canParse(location, current)) return stop('broken', `redirect to an invalid URL: ${location}`, status);
      const next = new URL(location, current);
      next.hash = '';
      if (seen.has(next.href)) return stop('broken', 'redirect loop', status, next.href);
      if (redirects.length > settings.maxRedirects)
        return stop('broken', `more than ${settings.maxRedirects} redirects`, status, next.href);
      seen.add(next.href);
      current = next.href;
      continue;
    }
    const succeeded = status >= 200 && status <= 299;
    const readBody = succeeded && wantHtml && isHtml(response);
    if (!readBody) await discard(response);
    if (status === 429) return stop('unreachable', 'HTTP 429 (rate limited, try later)', status);
    if (!succeeded) return stop('broken', `HTTP ${status}`, status);
    const outcome: PageOutcome = { redirects, lastUrl: current, httpStatus: status };
    if (!readBody) return outcome;
    try {
      return { ...outcome, html: await readHtml(response) };
    } catch (error) {
      return stop('unreachable', describeNetworkError(error, settings.timeoutMs), status);
    }
  }
}

/**
 * The address to fetch for a URL: without its fragment, which never reaches the server, but not
 * normalised like `withoutFragment`, since `/docs/` and `/docs` can be different resources.
 */
function pageToFetch(url: string): string {
  const page = new URL(url);
  page.hash = '';
  return page.href;
}

/** The result for one URL into a fetched page: its fragment looked up, its own #fragment kept on the final URL. */
function resultFor(url: string, page: PageOutcome): LinkCheckResult {
  const result: LinkCheckResult = {
    url,
    state: page.redirects.length > 0 ? 'redirected' : 'ok',
    redirects: page.redirects,
  };
  if (page.httpStatus !== undefined) result.httpStatus = page.httpStatus;
  if (page.redirects.length > 0) {
    const finalUrl = new URL(page.lastUrl);
    finalUrl.hash = new URL(url).hash;
    result.finalUrl = finalUrl.href;
  }
  if (page.failure) return { ...result, state: page.failure.state, error: page.failure.error };
  const fragment = elementFragment(url);
  if (fragment !== undefined && page.html !== undefined) result.fragmentFound = hasFragment(page.html, fragment);
  return result;
}

/**
 * Checks every URL, in the order given. URLs into the same page share one fetch of it. At most
 * `concurrency` pages are fetched at once, and at most `perHost` from one host; a page waits for
 * its host's turn before taking an overall slot, so a busy host does not hold up the others.
 */
export async function checkLinks(urls: readonly string[], options: LinkCheckOptions): Promise<LinkCheckResult[]> {
  const settings: Settings = {
    userAgent: userAgentFor(options.siteUrl),
    timeoutMs: options.timeoutMs ?? 15_000,
    maxRedirects: options.maxRedirects ?? 10,
  };
  const overall = pLimit(options.concurrency ?? 8);
  const hosts = new Map<string, LimitFunction>();
  const pages = new Map<string, Promise<PageOutcome>>();
  const wantsHtml = new Set(urls.filter((url) => isWebUrl(url) && elementFragment(url) !== undefined).map(pageToFetch));

  const pageOf = (url: string): Promise<PageOutcome> => {
    const page = pageToFetch(url);
    let outcome = pages.get(page);
    if (!outcome) {
      const host = new URL(page).host;
      const hostLimit = hosts.get(host) ?? pLimit(options.perHost ?? 2);
      hosts.set(host, hostLimit);
      outcome = hostLimit(() => overall(() => fetchPage(page, wantsHtml.has(page), settings)));
      pages.set(page, outcome);
    }
    return outcome;
  };

  return Promise.all(
    urls.map(
      async (url): Promise<LinkCheckResult> =>
        isWebUrl(url)
          ? resultFor(url, await pageOf(url))
          : { url, state: 'broken', redirects: [], error: 'not an http(s) URL' },
    ),
  );
}
