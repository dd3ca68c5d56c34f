/** Checks reference URLs over the network: status, redirects, final URL, #fragment, time-outs. */
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { fragmentOf } from './urls';

export type LinkState = 'ok' | 'redirected' | 'broken' | 'unreachable';

export interface Hop {
  status: number;
  location: string;
}

export interface LinkCheckResult {
  url: string;
  state: LinkState;
  /** Status of the last response, when there was one. */
  httpStatus?: number;
  /** Where the redirects ended, when there were any. */
  finalUrl?: string;
  redirects: Hop[];
  /** Whether the `#fragment` names an element of the final page; absent when the URL has none. */
  fragmentFound?: boolean;
  /** Why the link is broken or unreachable. */
  error?: string;
}

export interface LinkCheckOptions {
  userAgent: string;
  timeoutMs?: number;
  /** Requests in flight at once, overall and per host. */
  concurrency?: number;
  perHost?: number;
  maxRedirects?: number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Whether `html` has an element with `id` (or an anchor with `name`) equal to `fragment`. */
export function hasFragment(html: string, fragment: string): boolean {
  let found = false;
  visit(fromHtml(html), 'element', (node) => {
    if (node.properties['id'] === fragment || (node.tagName === 'a' && node.properties['name'] === fragment)) found = true;
  });
  return found;
}

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/** Follows one URL through its redirects, by hand, so every hop is recorded. */
export async function checkLink(url: string, options: LinkCheckOptions): Promise<LinkCheckResult> {
  const { timeoutMs = 15_000, maxRedirects = 10, userAgent } = options;
  const fragment = fragmentOf(url);
  const redirects: Hop[] = [];
  const seen = new Set<string>();
  let current = new URL(url);
  current.hash = '';
  for (;;) {
    if (seen.has(current.href)) return { url, state: 'broken', redirects, finalUrl: current.href, error: 'redirect loop' };
    seen.add(current.href);
    let response: Response;
    try {
      response = await fetch(current, {
        redirect: 'manual',
        headers: { 'User-Agent': userAgent, Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return { url, state: 'unreachable', redirects, ...(redirects.length ? { finalUrl: current.href } : {}), error: describeError(error, timeoutMs) };
    }
    const location = response.headers.get('location');
    if (REDIRECT_STATUSES.has(response.status) && location) {
      await response.body?.cancel();
      redirects.push({ status: response.status, location });
      if (redirects.length > maxRedirects) return { url, state: 'broken', redirects, error: `more than ${maxRedirects} redirects` };
      current = new URL(location, current);
      continue;
    }
    const base = { url, httpStatus: response.status, redirects, ...(redirects.length ? { finalUrl: current.href } : {}) };
    if (response.status >= 400) {
      await response.body?.cancel();
      return { ...base, state: 'broken', error: `HTTP ${response.status}` };
    }
    const state: LinkState = redirects.length > 0 ? 'redirected' : 'ok';
    const isHtml = response.headers.get('content-type')?.includes('html') ?? false;
    if (fragment === undefined || !isHtml) {
      await response.body?.cancel();
      return { ...base, state };
    }
    try {
      return { ...base, state, fragmentFound: hasFragment(await response.text(), fragment) };
    } catch (error) {
      return { ...base, state: 'unreachable', error: describeError(error, timeoutMs) };
    }
  }
}

/** A counting semaphore: at most `limit` holders at once. */
function semaphore(limit: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resume) => waiting.push(resume));
    active += 1;
    try {
      return await work();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

/** Checks every URL with bounded concurrency overall and per host, so no site is hammered. */
export async function checkLinks(urls: readonly string[], options: LinkCheckOptions): Promise<LinkCheckResult[]> {
  const overall = semaphore(options.concurrency ?? 8);
  const hosts = new Map<string, ReturnType<typeof semaphore>>();
  const forHost = (url: string) => {
    const host = new URL(url).host;
    const limiter = hosts.get(host) ?? semaphore(options.perHost ?? 2);
    hosts.set(host, limiter);
    return limiter;
  };
  return Promise.all(urls.map((url) => forHost(url)(() => overall(() => checkLink(url, options)))));
}
