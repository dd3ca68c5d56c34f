/**
 * What a link is and where it points: the one classifier that the validation stage, the marking of
 * outbound links and the tests use. A URL reaches it as a browser would read it from the page:
 * decoded by the parser that read the attribute (Markdown or HTML), then `readUrlAttribute`.
 */
import { memoized } from '../content/memo';
import type { CollectedLink } from '../content/page-data';

export type LinkVerdict =
  | { kind: 'outbound'; https: boolean }
  | { kind: 'mail' }
  | { kind: 'note'; slug: string; fragment?: string }
  | { kind: 'error'; slug: string; fragment?: string }
  | { kind: 'tag'; tagId: string }
  | { kind: 'page' }
  | { kind: 'problem'; message: string };

/**
 * The attributes that carry a URL, each with the hast property it is parsed into and whether it holds a list (`srcset`
 * is comma-separated, `ping` space-separated). Any element may carry them: a browser follows what it finds.
 */
export const URL_ATTRIBUTES: ReadonlyArray<{ attribute: string; property: string; list?: 'comma' | 'space' }> = [
  { attribute: 'href', property: 'href' },
  { attribute: 'src', property: 'src' },
  { attribute: 'srcset', property: 'srcSet', list: 'comma' },
  { attribute: 'action', property: 'action' },
  { attribute: 'formaction', property: 'formAction' },
  { attribute: 'poster', property: 'poster' },
  { attribute: 'cite', property: 'cite' },
  { attribute: 'data', property: 'data' },
  { attribute: 'background', property: 'background' },
  { attribute: 'longdesc', property: 'longDesc' },
  { attribute: 'ping', property: 'ping', list: 'space' },
  { attribute: 'manifest', property: 'manifest' },
  { attribute: 'xlink:href', property: 'xLinkHref' },
];

/** The elements that can carry one of those attributes in HTML and SVG, for visitors that filter by tag. */
export const URL_ELEMENTS: readonly string[] = [
  ...['a', 'area', 'link', 'base', 'img', 'source', 'track', 'audio', 'video', 'iframe', 'embed', 'object'],
  ...['script', 'input', 'button', 'form', 'blockquote', 'q', 'del', 'ins', 'body', 'html', 'table', 'td', 'th'],
  ...['frame', 'use', 'image', 'svg', 'meta'],
];

/**
 * The URL a browser reads from an attribute's (already entity-decoded) value: the URL parser drops leading and
 * trailing C0 controls and spaces, and every tab and newline inside, so ` java\tscript:` is a javascript: URL.
 */
export function readUrlAttribute(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: C0 controls are what the URL standard strips.
  return value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** The URLs an attribute value holds: one, or each entry of a `srcset` or `ping` list. */
export function urlsOfAttribute(value: unknown, list?: 'comma' | 'space'): string[] {
  const values = (Array.isArray(value) ? value : [value])
    .filter((item) => typeof item === 'string' || typeof item === 'number')
    .map(String);
  if (list === undefined) return values.map(readUrlAttribute);
  const entries = values.flatMap((item) => (list === 'comma' ? item.split(',') : item.split(/\s+/)));
  // A srcset entry is "url descriptor": the URL is its first word.
  return entries.map((entry) => readUrlAttribute(entry).split(/\s+/)[0] ?? '').filter((url) => url !== '');
}

/** Site pages a note may link to besides notes, error entries and tags (paths relative to the base). */
const SITE_PAGES = new Set([
  '/',
  '/errors/',
  '/tags/',
  '/paths/',
  '/changes/',
  '/references/',
  '/search/',
  '/rss.xml',
  '/references.json',
]);
const ORIGIN = 'https://site.invalid';

const problem = (message: string): LinkVerdict => ({ kind: 'problem', message });

/**
 * Classifies a URL written on the page at `page` (a site path such as `/notes/gil/` or
 * `/errors/event-loop-is-closed/`, without the base). Internal links are resolved the way a
 * browser resolves them from that page, so `../other-note/` on a note names another note, and
 * `../../errors/slug/` an error entry.
 */
export const classifyLink = memoized((url: string, page: string, siteUrl: string): LinkVerdict => {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'mailto') return { kind: 'mail' };
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return problem(
      `uses the ${scheme}: scheme, which is not allowed: link to https:// pages, other notes (../slug/) or mailto: ` +
        `addresses`,
    );
  }
  if (scheme !== undefined) {
    if (!URL.canParse(url)) return problem(`is not a valid URL: write it as https://host/path`);
    const parsed = new URL(url);
    if (parsed.host.toLowerCase() !== new URL(siteUrl).host.toLowerCase())
      return { kind: 'outbound', https: scheme === 'https' };
    return problem(
      `is an absolute link to this site: write it relative, e.g. ../other-note/, so it works wherever the site is ` +
        `hosted`,
    );
  }
  if (url.startsWith('//') || url.startsWith('\\')) return problem('is protocol-relative: write the full https:// URL');
  if (url.startsWith('/')) {
    return problem(
      `starts at the site root, which breaks when the site is hosted under a sub-path: write it relative, e.g. ` +
        `../other-note/`,
    );
  }
  if (/^(www\.|([a-z0-9-]+\.)+(com|org|net|io|dev)\b)/i.test(url)) {
    return problem(`looks like a web address without https:// — write https://${url}`);
  }
  const resolved = new URL(url, `${ORIGIN}${page}`);
  const fragment = resolved.hash.length > 1 ? decodeURIComponent(resolved.hash.slice(1)) : undefined;
  const entry = /^\/(notes|errors)\/([^/]+)\/$/.exec(resolved.pathname);
  if (entry?.[2])
    return {
      kind: entry[1] === 'errors' ? 'error' : 'note',
      slug: entry[2],
      ...(fragment === undefined ? {} : { fragment }),
    };
  const tag = /^\/tags\/([^/]+)\/$/.exec(resolved.pathname);
  if (tag?.[1]) return { kind: 'tag', tagId: tag[1] };
  if (SITE_PAGES.has(resolved.pathname)) return { kind: 'page' };
  const [notes, errors] = page.startsWith('/errors/') ? ['../../notes/', '../'] : ['../', '../../errors/'];
  return problem(
    `points to ${resolved.pathname}, which is no page of this site: link to notes as ${notes}slug/, error entries ` +
      `as ${errors}slug/, tags as ../../tags/id/`,
  );
});

/**
 * Whether a URL leaves the site: an absolute http(s) URL on another host than `siteUrl`. The verdict
 * of an absolute URL does not depend on the page it is on.
 */
export const isOutboundUrl = (url: string, siteUrl: string): boolean =>
  classifyLink(readUrlAttribute(url), '/', siteUrl).kind === 'outbound';

/** The outbound links among a page's links: the ones its References section lists. */
export const outboundLinks = (links: readonly CollectedLink[], siteUrl: string): CollectedLink[] =>
  links.filter((link) => link.kind === 'link' && isOutboundUrl(link.url, siteUrl));
