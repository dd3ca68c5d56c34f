/** What a link in a note may point to: the rules every link obeys, and where internal links land. */
import { memoized } from './memo';

export type LinkVerdict =
  | { kind: 'outbound' }
  | { kind: 'mail' }
  | { kind: 'note'; slug: string; fragment?: string }
  | { kind: 'error'; slug: string; fragment?: string }
  | { kind: 'tag'; tagId: string }
  | { kind: 'page' }
  | { kind: 'problem'; message: string };

/** Site pages a note may link to besides notes and tags (paths relative to the base). */
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

/** The sections whose pages hold Markdown that links elsewhere: notes and error entries. */
export type LinkingSection = 'notes' | 'errors';

/**
 * Classifies the `href` of a link written in the entry `slug` of `section`. Internal links are
 * resolved the way a browser resolves them from the entry's page, so `../other-note/` in a note
 * names another note, and `../../errors/slug/` an error entry.
 */
export const classifyLink = memoized(
  (href: string, slug: string, siteUrl: string, section: LinkingSection): LinkVerdict => {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
    if (scheme === 'mailto') return { kind: 'mail' };
    if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
      return problem(
        `uses the ${scheme}: scheme, which is not allowed: link to https:// pages, other notes (../slug/) or mailto: ` +
          `addresses`,
      );
    }
    if (scheme !== undefined) {
      if (!URL.canParse(href)) return problem(`is not a valid URL: write it as https://host/path`);
      const url = new URL(href);
      if (url.host.toLowerCase() !== new URL(siteUrl).host.toLowerCase()) return { kind: 'outbound' };
      return problem(
        `is an absolute link to this site: write it relative, e.g. ../other-note/, so it works wherever the site is ` +
          `hosted`,
      );
    }
    if (href.startsWith('//')) return problem('is protocol-relative: write the full https:// URL');
    if (href.startsWith('/')) {
      return problem(
        `starts at the site root, which breaks when the site is hosted under a sub-path: write it relative, e.g. ` +
          `../other-note/`,
      );
    }
    if (/^(www\.|([a-z0-9-]+\.)+(com|org|net|io|dev)\b)/i.test(href)) {
      return problem(`looks like a web address without https:// — write https://${href}`);
    }
    const url = new URL(href, `${ORIGIN}/${section}/${slug}/`);
    const fragment = url.hash.length > 1 ? decodeURIComponent(url.hash.slice(1)) : undefined;
    const entry = /^\/(notes|errors)\/([^/]+)\/$/.exec(url.pathname);
    if (entry?.[2])
      return {
        kind: entry[1] === 'errors' ? 'error' : 'note',
        slug: entry[2],
        ...(fragment === undefined ? {} : { fragment }),
      };
    const tag = /^\/tags\/([^/]+)\/$/.exec(url.pathname);
    if (tag?.[1]) return { kind: 'tag', tagId: tag[1] };
    if (SITE_PAGES.has(url.pathname)) return { kind: 'page' };
    const [notes, errors] = section === 'notes' ? ['../', '../../errors/'] : ['../../notes/', '../'];
    return problem(
      `points to ${url.pathname}, which is no page of this site: link to notes as ${notes}slug/, error entries ` +
        `as ${errors}slug/, tags as ../../tags/id/`,
    );
  },
);
