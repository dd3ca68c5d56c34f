/** The one rule for comparing URLs: spellings of one address, and which reference a link belongs to. */
import { memoized } from '../content/memo';

const WEB_SCHEMES = new Set(['http:', 'https:']);

/**
 * Normalises an absolute URL so that spellings of the same address compare equal:
 * lower-case scheme and host (the URL parser does both), no default port, no trailing
 * slash on a path other than `/`, no empty `?` or `#`. Query and fragment are kept.
 */
export function normalizeUrl(raw: string): string {
  return normalized(new URL(raw));
}

/** `normalizeUrl` of a parsed URL, which it may change. */
function normalized(url: URL): string {
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
    url.pathname = url.pathname.replace(/\/+$/, '');
  }
  return url.href.replace(/\?(?=#|$)/, '').replace(/#$/, '');
}

/** Whether a string parses as an absolute URL. */
function isAbsoluteUrl(raw: string): boolean {
  return URL.canParse(raw);
}

/** Whether an absolute URL uses http or https. */
export function isWebUrl(raw: string): boolean {
  return isAbsoluteUrl(raw) && WEB_SCHEMES.has(new URL(raw).protocol);
}

/** The URL without its `#fragment`: the page a fragment points into. */
export function withoutFragment(raw: string): string {
  const url = new URL(raw);
  url.hash = '';
  return normalized(url);
}

/**
 * Keys under which a link can match a reference, most specific first: the exact URL, then
 * the page it points into. A reference for `page#section` wins over one for `page`.
 */
export const referenceKeys = memoized((href: string): readonly string[] => {
  const url = new URL(href);
  const exact = normalized(url);
  url.hash = '';
  const page = normalized(url);
  return exact === page ? [exact] : [exact, page];
});

/** The host a reader will recognise: lower case, without a leading `www.`. */
export function domainOf(raw: string): string {
  return new URL(raw).hostname.toLowerCase().replace(/^www\./, '');
}
