/**
 * The RSS items of the published notes: title, summary with what it was checked against, absolute
 * link, date, tags, and the whole note for feed readers, made to read well without the site's CSS
 * and scripts: absolute links, no copy buttons or screen-reader-only text, a code block's bar and an
 * API's version mark set apart in words.
 */
import type { RSSFeedItem } from '@astrojs/rss';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString as textOf } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { formatDate } from './dates';
import { absoluteUrl, noteUrl } from './paths';

interface FeedNote {
  id: string;
  data: {
    title: string;
    summary: string;
    published: Date;
    tags: ReadonlyArray<{ id: string }>;
    checked: { python: string; on: Date };
  };
}

const checkedLine = (note: FeedNote) =>
  `Checked against Python ${note.data.checked.python} on ${formatDate(note.data.checked.on)}.`;

const classes = (element: Element) =>
  Array.isArray(element.properties['className']) ? element.properties['className'].map(String) : [];

/** Elements that only work with the site's CSS or scripts. */
const isChrome = (element: Element) =>
  element.tagName === 'button' ||
  classes(element).includes('visually-hidden') ||
  element.properties['dataCopyStatus'] !== undefined;

const text = (value: string): ElementContent => ({ type: 'text', value });

/** A note's HTML as a feed reader shows it, under the line saying what it was checked against. */
export function feedContent(html: string, pageUrl: string, checked: string): string {
  const tree: Root = fromHtml(html, { fragment: true });
  visit(tree, 'element', (element, index, parent) => {
    if (parent && index !== undefined && isChrome(element)) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    const isApiMark = classes(element).includes('api-mark');
    for (const name of Object.keys(element.properties))
      if (name === 'className' || name === 'tabIndex' || name.startsWith('data')) delete element.properties[name];
    for (const name of ['href', 'src'] as const) {
      const value = element.properties[name];
      if (typeof value === 'string') element.properties[name] = new URL(value, pageUrl).href;
    }
    if (isApiMark) {
      element.children = [text(` (${textOf(element)})`)];
      element.properties = {};
      return SKIP;
    }
    if (element.tagName === 'pre') {
      // The colours are classes of the site's CSS: in a feed, the code alone.
      element.properties = {};
      element.children = [{ type: 'element', tagName: 'code', properties: {}, children: [text(textOf(element))] }];
      return SKIP;
    }
    if (element.tagName === 'figcaption') {
      // Title, run mark: one line of words, apart, instead of boxes side by side.
      const parts = element.children
        .filter((child): child is Element => child.type === 'element' && !isChrome(child))
        .map((child) => textOf(child).trim())
        .filter(Boolean);
      element.children = [{ type: 'element', tagName: 'strong', properties: {}, children: [text(parts.join(' · '))] }];
      return SKIP;
    }
    return undefined;
  });
  const intro = `<p><em>${checked}</em></p>`;
  return intro + toHtml(tree);
}

/** Every note as a feed item: `site` is the site's origin, `base` the base path it is served under. */
export function feedItems(
  notes: readonly FeedNote[],
  { site, base }: { site: URL | string; base: string },
  bodies: ReadonlyMap<string, string> = new Map(),
): RSSFeedItem[] {
  return notes.map((note) => {
    const link = absoluteUrl(noteUrl(note.id, base), site);
    const body = bodies.get(note.id);
    return {
      title: note.data.title,
      description: `${note.data.summary} ${checkedLine(note)}`,
      link,
      pubDate: note.data.published,
      categories: note.data.tags.map((tag) => tag.id),
      ...(body === undefined ? {} : { content: feedContent(body, link, checkedLine(note)) }),
    };
  });
}
