/** content/link-status.json: the last link check of every reference, and what readers are shown from it. */
import type { LinkCheckResult, LinkState } from './link-check';
import { isWebUrl, normalizeUrl } from './urls';

export interface LinkStatus {
  status: LinkState;
  httpStatus?: number;
  finalUrl?: string;
  /** Present when the URL has a #fragment and the final page was HTML. */
  fragmentFound?: boolean;
  /** Day of the check that produced this entry (YYYY-MM-DD). */
  checked: string;
  /** Last day the link worked, carried across checks that found it broken. */
  lastOk?: string;
  error?: string;
}

export interface LinkStatusFile {
  /** Day of the last run; absent only in a file no run has written yet. */
  checkedAt?: string;
  /** Keyed by `normalizeUrl` of the reference URL. */
  links: Record<string, LinkStatus>;
}

const STATES: readonly LinkState[] = ['ok', 'redirected', 'broken', 'unreachable'];
// The order fields are written in, so a re-run that changes nothing changes no byte.
const FIELDS = ['status', 'httpStatus', 'finalUrl', 'fragmentFound', 'checked', 'lastOk', 'error'] as const satisfies ReadonlyArray<keyof LinkStatus>;

/** Whether `text` is a real calendar day written YYYY-MM-DD. */
export function isDay(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  // Date rolls 2026-02-30 over to 2026-03-02 and gives up on month 13: a real day survives unchanged.
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Validates already-parsed data; the error names the file, the URL and the field. */
export function parseLinkStatus(data: unknown, file: string): LinkStatusFile {
  const fail = (what: string): never => {
    throw new Error(`${file}: ${what}; fix it or rewrite the file with \`npm run links\``);
  };
  if (!isObject(data)) return fail('the file must be a JSON object with "checkedAt" and "links"');
  const { checkedAt, links, ...extra } = data;
  for (const field of Object.keys(extra)) fail(`unknown field "${field}" (expected "checkedAt" and "links")`);
  if (checkedAt !== undefined && !isDay(checkedAt)) fail('field "checkedAt" must be a date as YYYY-MM-DD');
  if (!isObject(links)) return fail('field "links" must be an object of URL to status');
  const parsed: LinkStatusFile = { ...(isDay(checkedAt) ? { checkedAt } : {}), links: {} };
  for (const [url, entry] of Object.entries(links)) {
    const field = (name: string, rule: string): never => fail(`links["${url}"] field "${name}" ${rule}`);
    if (!isWebUrl(url)) fail(`links key "${url}" must be an http(s) URL`);
    if (!isObject(entry)) return fail(`links["${url}"] must be an object with "status" and "checked"`);
    for (const name of Object.keys(entry)) if (!(FIELDS as readonly string[]).includes(name)) field(name, `is not a known field (expected ${FIELDS.join(', ')})`);
    const { status, httpStatus, finalUrl, fragmentFound, checked, lastOk, error } = entry;
    if (!STATES.includes(status as LinkState)) field('status', `must be one of ${STATES.join(', ')}`);
    if (!isDay(checked)) return field('checked', 'must be a date as YYYY-MM-DD');
    if (httpStatus !== undefined && !(Number.isInteger(httpStatus) && (httpStatus as number) >= 100 && (httpStatus as number) <= 599)) field('httpStatus', 'must be an HTTP status code');
    if (finalUrl !== undefined && !isWebUrl(String(finalUrl))) field('finalUrl', 'must be an http(s) URL');
    if (fragmentFound !== undefined && typeof fragmentFound !== 'boolean') field('fragmentFound', 'must be true or false');
    if (lastOk !== undefined && !isDay(lastOk)) field('lastOk', 'must be a date as YYYY-MM-DD');
    if (error !== undefined && typeof error !== 'string') field('error', 'must be a string');
    parsed.links[url] = entry as unknown as LinkStatus;
  }
  return parsed;
}

/** Reads the file's text: broken JSON is reported with the file's name, like any other mistake. */
export function parseLinkStatusJson(text: string, file: string): LinkStatusFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as SyntaxError).message}); fix it or rewrite the file with \`npm run links\``);
  }
  return parseLinkStatus(data, file);
}

/** Stable JSON: URLs sorted, fields in one order, two-space indent, a final newline, so the file diffs well. */
export function serializeLinkStatus(file: LinkStatusFile): string {
  const urls = Object.keys(file.links).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const links = Object.fromEntries(
    urls.map((url) => {
      const entry = file.links[url] as LinkStatus;
      return [url, Object.fromEntries(FIELDS.filter((name) => entry[name] !== undefined).map((name) => [name, entry[name]]))];
    }),
  );
  return `${JSON.stringify({ ...(file.checkedAt === undefined ? {} : { checkedAt: file.checkedAt }), links }, null, 2)}\n`;
}

const works = (state: LinkState) => state === 'ok' || state === 'redirected';

/**
 * The file after a run on `day` that checked every reference: each result replaces its URL's
 * entry, `lastOk` becomes `day` for a working link and is carried forward for a failing one.
 * URLs the run did not check are no longer references, so their entries are dropped.
 */
export function mergeResults(previous: LinkStatusFile, results: readonly LinkCheckResult[], day: string): LinkStatusFile {
  const links: Record<string, LinkStatus> = {};
  for (const result of results) {
    const key = normalizeUrl(result.url);
    const before = previous.links[key];
    const lastOk = works(result.state) ? day : (before?.lastOk ?? (before && works(before.status) ? before.checked : undefined));
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

/** URLs that fail in `next` but worked in `previous` or were not in it, sorted. */
export function newlyBroken(previous: LinkStatusFile, next: LinkStatusFile): string[] {
  return Object.entries(next.links)
    .filter(([url, status]) => {
      const before = previous.links[url];
      return !works(status.status) && (before === undefined || works(before.status));
    })
    .map(([url]) => url)
    .sort();
}

/**
 * A Wayback Machine address for the URL: the capture nearest the last day it worked, or, when it
 * never worked while we checked, `/web/2/`, a timestamp in the far future, which the Wayback
 * Machine resolves to the newest capture; the wildcard form would show a calendar, not a page.
 */
export function waybackUrl(url: string, lastOk?: string): string {
  return `https://web.archive.org/web/${lastOk === undefined ? '2' : lastOk.replaceAll('-', '')}/${url}`;
}

/** What the site shows for one link; `unchecked` (no entry) is never presented as working. */
export type Health =
  | { state: 'unchecked' }
  | { state: 'ok'; checked: string; fragmentMissing: boolean }
  | { state: 'redirected'; checked: string; finalUrl: string; fragmentMissing: boolean }
  | { state: 'broken' | 'unreachable'; checked: string; archiveUrl: string; detail: string };

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
      return {
        state: status.status,
        checked: status.checked,
        archiveUrl: waybackUrl(url, status.lastOk),
        detail: status.error ?? (status.httpStatus === undefined ? 'no answer' : `HTTP ${status.httpStatus}`),
      };
  }
}

/** Whether a link needs an author's attention: failing, moved, or its #section gone from the page. */
export const needsAttention = (health: Health): boolean =>
  health.state === 'broken' || health.state === 'unreachable' || health.state === 'redirected' || (health.state === 'ok' && health.fragmentMissing);
