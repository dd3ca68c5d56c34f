/**
 * The feed and the sitemap are what their formats say: RSS 2.0 and the sitemaps.org protocol, every
 * address absolute and real; the feed read by a feed parser, as a feed app reads it.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { describe, expect, inject, it } from 'vitest';

const site = inject('realSite');
const ORIGIN = 'https://pyconcurrency.example.org/';
const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['item', 'url', 'sitemap', 'category'].includes(name),
});
const DAY = '(Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const RFC_822 = new RegExp(`^${DAY}, \\d{2} ${MONTH} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT$`);

async function xml(file: string) {
  const text = await readFile(join(site, file), 'utf8');
  expect(XMLValidator.validate(text), `${file} is well-formed XML`).toBe(true);
  return parser.parse(text) as Record<string, unknown>;
}

/** The built file a site URL is served from. */
const servedFile = (url: string) =>
  join(site, new URL(url).pathname, new URL(url).pathname.endsWith('/') ? 'index.html' : '');

describe('the RSS feed', () => {
  it('is RSS 2.0 with a channel and one complete item per published note', async () => {
    const { rss } = (await xml('rss.xml')) as {
      rss: {
        '@_version': string;
        channel: { title: string; link: string; description: string; item: Array<Record<string, unknown>> };
      };
    };
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel.title).toBeTruthy();
    expect(rss.channel.description).toBeTruthy();
    expect(rss.channel.link).toBe(ORIGIN);
    expect(rss.channel.item).toHaveLength((await readdir(join(site, 'notes'))).length);
    for (const item of rss.channel.item) {
      const link = String(item['link']);
      expect(link, link).toMatch(new RegExp(`^${ORIGIN}notes/[a-z0-9-]+/$`));
      expect(existsSync(servedFile(link)), link).toBe(true);
      expect(String(item['title']).length, link).toBeGreaterThan(0);
      expect(String(item['description']), link).toMatch(/Checked against Python 3\.\d+ on \d{1,2} \w{3} \d{4}\.$/);
      expect(String(item['pubDate']), link).toMatch(RFC_822);
      expect(((item['guid'] as Record<string, string>)['#text'] ?? item['guid']) as string, link).toBe(link);
    }
  });
});

describe('the feed in a feed app', () => {
  it('names its own address and carries every note whole, links absolute, checked-against line first', async () => {
    const text = await readFile(join(site, 'rss.xml'), 'utf8');
    const feed = parseFeed(text);
    expect(feed.self).toBe(`${ORIGIN}rss.xml`);
    const notes = await readdir(join(site, 'notes'));
    expect(feed.items).toHaveLength(notes.length);
    for (const item of feed.items) {
      const url = String(item.url);
      const slug = new URL(url).pathname.split('/')[2] ?? '';
      const content = fromHtml(item.content ?? '', { fragment: true });
      // The note as its page shows it: every heading, every code block.
      const page = fromHtml(await readFile(join(site, 'notes', slug, 'index.html'), 'utf8'));
      const headings = (root: Root) => selectAll('h2, h3', root).map((heading) => textOf(heading));
      expect(headings(content), url).toEqual(headings(select('.prose', page) as never));
      expect(selectAll('pre', content).length, url).toBe(selectAll('.prose pre', page).length);
      expect(textOf(content), url).toMatch(/^Checked against Python 3\.\d+ on \d{1,2} \w{3} \d{4}\./);
      const addresses = selectAll('[href], [src]', content).map((element) =>
        String(element.properties['href'] ?? element.properties['src']),
      );
      for (const address of addresses) expect(address, url).toMatch(/^(https?:|mailto:)/);
      // Nothing that needs the site's CSS or scripts to make sense.
      expect(selectAll('button, .visually-hidden, [class]', content), url).toEqual([]);
    }
  });
});

describe('the sitemap', () => {
  it('indexes one sitemap of absolute, real page addresses, without the 404 page', async () => {
    const { sitemapindex } = (await xml('sitemap-index.xml')) as { sitemapindex: { sitemap: Array<{ loc: string }> } };
    expect(sitemapindex.sitemap.map((entry) => entry.loc)).toEqual([`${ORIGIN}sitemap-0.xml`]);
    const { urlset } = (await xml('sitemap-0.xml')) as { urlset: { '@_xmlns': string; url: Array<{ loc: string }> } };
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locations = urlset.url.map((entry) => entry.loc);
    expect(locations.length).toBeGreaterThan(40);
    expect(new Set(locations).size).toBe(locations.length);
    for (const loc of locations) {
      expect(loc.startsWith(ORIGIN), loc).toBe(true);
      expect(existsSync(servedFile(loc)), loc).toBe(true);
    }
    expect(locations).toEqual(
      expect.arrayContaining([ORIGIN, `${ORIGIN}paths/`, `${ORIGIN}changes/`, `${ORIGIN}references/`]),
    );
    expect(locations.some((loc) => loc.includes('404'))).toBe(false);
  });
});
