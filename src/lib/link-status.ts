/** content/link-status.json: the last link check of every reference, and what readers are shown from it. */
import type { LinkCheckResult, LinkState } from './link-check';
import { normalizeUrl } from './urls';

export interface LinkStatus {
  status: LinkState;
  httpStatus?: number;
  finalUrl?: string;
  fragmentFound?: boolean;
  /** Day of the check that produced this entry (YYYY-MM-DD). */
  checked: string;
  /** Last day the link worked, carried across checks that found it broken. */
  lastOk?: string;
  error?: string;
}

export interface LinkStatusFile {
  checkedAt?: string;
  links: Record<string, LinkStatus>;
}

const STATES: readonly LinkState[] = ['ok', 'redirected', 'broken', 'unreachable'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Validates the file's data; the error names the file, the URL and the field. */
export function parseLinkStatus(data: unknown, file: string): LinkStatusFile {
  const fail = (where: string, what: string): never => {
    throw new Error(`${file}: ${where} ${what}; rewrite it with \`npm run links\``);
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return fail('the file', 'must be a JSON object with "links"');
  const { checkedAt, links } = data as { checkedAt?: unknown; links?: unknown };
  if (checkedAt !== undefined && (typeof checkedAt !== 'string' || !DAY.test(checkedAt))) fail('field "checkedAt"', 'must be a date as YYYY-MM-DD');
  if (links === null || typeof links !== 'object' || Array.isArray(links)) return fail('field "links"', 'must be an object of URL to status');
  for (const [url, entry] of Object.entries(links as Record<string, Partial<LinkStatus>>)) {
    if (!STATES.includes(entry.status as LinkState)) fail(`"${url}" field "status"`, `must be one of ${STATES.join(', ')}`);
    if (typeof entry.checked !== 'string' || !DAY.test(entry.checked)) fail(`"${url}" field "checked"`, 'must be a date as YYYY-MM-DD');
    if (entry.lastOk !== undefined && (typeof entry.lastOk !== 'string' || !DAY.test(entry.lastOk))) fail(`"${url}" field "lastOk"`, 'must be a date as YYYY-MM-DD');
  }
  return data as LinkStatusFile;
}

/** Stable JSON: URLs sorted, two-space indent, a final newline, so the file diffs well. */
export function serializeLinkStatus(file: LinkStatusFile): string {
  const links = Object.fromEntries(Object.entries(file.links).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ ...(file.checkedAt ? { checkedAt: file.checkedAt } : {}), links }, null, 2)}\n`;
}

const works = (state: LinkState) => state === 'ok' || state === 'redirected';

/** The file after a check on `day`: new results replace old ones, and `lastOk` is carried forward. */
export function mergeResults(previous: LinkStatusFile, results: readonly LinkCheckResult[], day: string): LinkStatusFile {
  const links = { ...previous.links };
  for (const result of results) {
    const key = normalizeUrl(result.url);
    const lastOk = works(result.state) ? day : previous.links[key]?.lastOk;
    links[key] = {
      status: result.state,
      ...(result.httpStatus === undefined ? {} : { httpStatus: result.httpStatus }),
      ...(result.finalUrl === undefined ? {} : { finalUrl: result.finalUrl }),
      ...(result.fragmentFound === undefined ? {} : { fragmentFound: result.fragmentFound }),
      checked: day,
      ...(lastOk === undefined ? {} : { lastOk }),
      ...(result.error === undefined ? {} : { error: result.error }),
    };
  }
  return { checkedAt: day, links };
}

/** URLs that fail now but did not before (or were never checked). */
export function newlyBroken(previous: LinkStatusFile, next: LinkStatusFile): string[] {
  return Object.entries(next.links)
    .filter(([url, status]) => !works(status.status) && (previous.links[url] === undefined || works(previous.links[url].status)))
    .map(([url]) => url)
    .sort();
}

/**
 * A Wayback Machine address for the URL: the capture closest to the last day it worked, or the
 * list of every capture when it never worked while we checked.
 */
export function waybackUrl(url: string, lastOk?: string): string {
  return lastOk ? `https://web.archive.org/web/${lastOk.replaceAll('-', '')}/${url}` : `https://web.archive.org/web/*/${url}`;
}

export type Health =
  | { state: 'unchecked' }
  | { state: 'ok'; checked: string; fragmentMissing: boolean }
  | { state: 'redirected'; checked: string; finalUrl: string; fragmentMissing: boolean }
  | { state: 'broken' | 'unreachable'; checked: string; archiveUrl: string; detail: string };

/** What a reader is told about a link: never "fine" for a link nobody checked. */
export function linkHealth(url: string, file: LinkStatusFile): Health {
  const status = file.links[normalizeUrl(url)];
  if (!status) return { state: 'unchecked' };
  const fragmentMissing = status.fragmentFound === false;
  switch (status.status) {
    case 'ok':
      return { state: 'ok', checked: status.checked, fragmentMissing };
    case 'redirected':
      return { state: 'redirected', checked: status.checked, finalUrl: status.finalUrl ?? url, fragmentMissing };
    case 'broken':
    case 'unreachable':
      return { state: status.status, checked: status.checked, archiveUrl: waybackUrl(url, status.lastOk), detail: status.error ?? `HTTP ${status.httpStatus ?? '?'}` };
  }
}

/** Whether a link needs an author's attention: broken, unreachable, moved, or its section gone. */
export const needsAttention = (health: Health): boolean =>
  health.state === 'broken' || health.state === 'unreachable' || health.state === 'redirected' || (health.state === 'ok' && health.fragmentMissing);
