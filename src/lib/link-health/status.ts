/** content/link-status.json: the last link check of every reference, and what readers are shown from it. */
import { z } from 'astro/zod';
import { isWebUrl, normalizeUrl } from '../references/urls';
import { ContentError } from '../content/errors';

/**
 * - `ok`: a 2xx answer without redirects.
 * - `redirected`: a 2xx answer after at least one redirect (`finalUrl` says where).
 * - `broken`: the server answered, and the answer is a 4xx/5xx, a redirect loop or too many redirects.
 * - `unreachable`: no usable answer: DNS failure, refused connection, TLS error, time-out, or
 *   HTTP 429, which says "not now" rather than "gone".
 *
 * A `#fragment` missing from the page does not change the state: the page still serves readers,
 * so the link is not broken, but `fragmentFound: false` marks it as needing an author's attention.
 */
export type LinkState = 'ok' | 'redirected' | 'broken' | 'unreachable';

/** What one check of one URL found: the link checker's result, as the status file records it. */
export interface CheckedLink {
  url: string;
  state: LinkState;
  httpStatus?: number;
  finalUrl?: string;
  fragmentFound?: boolean;
  error?: string;
}

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

const STATES = ['ok', 'redirected', 'broken', 'unreachable'] as const satisfies readonly LinkState[];
// The order fields are written in, so a re-run that changes nothing changes no byte.
const FIELDS = [
  'status',
  'httpStatus',
  'finalUrl',
  'fragmentFound',
  'checked',
  'lastOk',
  'error',
] as const satisfies ReadonlyArray<keyof LinkStatus>;

/** Whether `text` is a real calendar day written YYYY-MM-DD. */
export function isDay(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  // Date rolls 2026-02-30 over to 2026-03-02 and gives up on month 13: a real day survives unchanged.
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

const day = z.string({ error: 'must be a date as YYYY-MM-DD' }).refine(isDay, 'must be a date as YYYY-MM-DD');
const webUrl = z.string({ error: 'must be an http(s) URL' }).refine(isWebUrl, 'must be an http(s) URL');

const linkStatusSchema = z.strictObject(
  {
    checkedAt: day.optional(),
    links: z.record(
      webUrl,
      z.strictObject(
        {
          status: z.enum(STATES, { error: `must be one of ${STATES.join(', ')}` }),
          httpStatus: z
            .int({ error: 'must be an HTTP status code' })
            .min(100, 'must be an HTTP status code')
            .max(599, 'must be an HTTP status code')
            .optional(),
          finalUrl: webUrl.optional(),
          fragmentFound: z.boolean({ error: 'must be true or false' }).optional(),
          checked: day,
          lastOk: day.optional(),
          error: z.string({ error: 'must be a string' }).optional(),
        },
        { error: 'must be an object with "status" and "checked"' },
      ),
      { error: 'must be an object of URL to status' },
    ),
  },
  { error: 'the file must be a JSON object with "checkedAt" and "links"' },
);

/** Where an issue is, in the words of the messages: `field "checkedAt"`, `links["https://…"] field "status"`. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const [section, url, field] = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    return url === undefined
      ? `unknown field ${keys} (expected "checkedAt" and "links")`
      : `links["${url}"] field ${keys} is not a known field (expected ${FIELDS.join(', ')})`;
  }
  if (issue.code === 'invalid_key') return `links key "${url}" must be an http(s) URL`;
  if (section === undefined) return issue.message;
  if (url === undefined) return `field "${section}" ${issue.message}`;
  return field === undefined ? `links["${url}"] ${issue.message}` : `links["${url}"] field "${field}" ${issue.message}`;
}

const REWRITE = 'fix it or rewrite the file with `npm run links`';

/** Validates already-parsed data; the error (a ContentError) names the file, the URL and the field. */
export function parseLinkStatus(data: unknown, file: string): LinkStatusFile {
  const result = linkStatusSchema.safeParse(data);
  if (result.success) return result.data as LinkStatusFile;
  const [issue] = result.error.issues;
  const problem = issue ? describeIssue(issue) : 'is not a link status file';
  throw new ContentError([{ file, message: `${problem}; ${REWRITE}` }]);
}

/** Reads the file's text: broken JSON is reported with the file's name, like any other mistake. */
export function parseLinkStatusJson(text: string, file: string): LinkStatusFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ContentError([{ file, message: `not valid JSON (${(error as SyntaxError).message}); ${REWRITE}` }]);
  }
  return parseLinkStatus(data, file);
}

/** Stable JSON: URLs sorted, fields in one order, two-space indent, a final newline, so the file diffs well. */
export function serializeLinkStatus(file: LinkStatusFile): string {
  const urls = Object.keys(file.links).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const links = Object.fromEntries(
    urls.map((url) => {
      const entry = file.links[url] as LinkStatus;
      return [
        url,
        Object.fromEntries(FIELDS.filter((name) => entry[name] !== undefined).map((name) => [name, entry[name]])),
      ];
    }),
  );
  const dated = file.checkedAt === undefined ? {} : { checkedAt: file.checkedAt };
  return `${JSON.stringify({ ...dated, links }, null, 2)}\n`;
}

const works = (state: LinkState) => state === 'ok' || state === 'redirected';

/**
 * The file after a run on `day` that checked every reference: each result replaces its URL's
 * entry, `lastOk` becomes `day` for a working link and is carried forward for a failing one.
 * URLs the run did not check are no longer references, so their entries are dropped.
 */
export function mergeResults(previous: LinkStatusFile, results: readonly CheckedLink[], day: string): LinkStatusFile {
  const links: Record<string, LinkStatus> = {};
  for (const result of results) {
    const key = normalizeUrl(result.url);
    const before = previous.links[key];
    const lastOk = works(result.state)
      ? day
      : (before?.lastOk ?? (before && works(before.status) ? before.checked : undefined));
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
  health.state === 'broken' ||
  health.state === 'unreachable' ||
  health.state === 'redirected' ||
  (health.state === 'ok' && health.fragmentMissing);

export interface LinkStatusCounts {
  /** Answered, at their address (a gone #section included). */
  works: number;
  /** Answered after a redirect. */
  moved: number;
  /** Broken or unreachable. */
  broken: number;
  /** Not in the last check (added since). */
  unchecked: number;
}

/** How the last check found `urls`, by what readers care about. */
export function countLinkHealth(urls: readonly string[], file: LinkStatusFile): LinkStatusCounts {
  const counts: LinkStatusCounts = { works: 0, moved: 0, broken: 0, unchecked: 0 };
  for (const url of urls) {
    const { state } = linkHealth(url, file);
    if (state === 'ok') counts.works += 1;
    else if (state === 'redirected') counts.moved += 1;
    else if (state === 'unchecked') counts.unchecked += 1;
    else counts.broken += 1;
  }
  return counts;
}

/** The references page's one line on the links: when they were checked and how they fared, or that they never were. */
export function linkStatusLine(
  file: LinkStatusFile,
  counts: LinkStatusCounts,
  formatDay: (day: string) => string,
): string {
  if (file.checkedAt === undefined) return 'Links have never been checked.';
  const unchecked = counts.unchecked > 0 ? `, ${counts.unchecked} not checked yet` : '';
  const fared = `${counts.works} work, ${counts.moved} moved, ${counts.broken} broken${unchecked}`;
  return `Checked ${formatDay(file.checkedAt)}: ${fared}.`;
}

/** Whether a reference's entry says how its link fared: only when not plainly fine, and links were ever checked. */
export const showsHealth = (health: Health, file: LinkStatusFile): boolean =>
  file.checkedAt !== undefined && (health.state !== 'ok' || health.fragmentMissing);
