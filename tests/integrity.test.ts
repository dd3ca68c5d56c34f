import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { findBrokenInternalLinks } from '../scripts/lib/internal-links';
import { SUB_PATH } from './global-setup';
import { attr, readPage } from './helpers/html';

const fixtureSite = inject('fixtureSite');

describe('internal links of the built site', () => {
  it('all reach a page, and every #fragment names an element on it', async () => {
    expect(await findBrokenInternalLinks(fixtureSite)).toEqual([]);
  });

  it('are checked the same from a deep folder with spaces in the temp folder', async () => {
    const deep = join(await mkdtemp(join(tmpdir(), 'checkout ')), 'a b', 'c', 'dist');
    await cp(fixtureSite, deep, { recursive: true });
    expect(await findBrokenInternalLinks(deep)).toEqual([]);
    await writeFile(
      join(deep, 'index.html'),
      (await readFile(join(deep, 'index.html'), 'utf8')).replace('</main>', '<a href="/gone/">x</a></main>'),
    );
    expect((await findBrokenInternalLinks(deep)).map((link) => link.url)).toEqual(['/gone/']);
  });

  it('are reported when a page or a fragment is missing', async () => {
    const copy = join(await mkdtemp(join(tmpdir(), 'broken-site-')), 'dist');
    await cp(fixtureSite, copy, { recursive: true });
    const home = join(copy, 'index.html');
    const html = await readFile(home, 'utf8');
    await writeFile(
      home,
      html.replace(
        '<main id="main" tabindex="-1">',
        '<main id="main" tabindex="-1"><a href="/notes/gone/">a</a><a href="/notes/alpha/#no-such-section">b</a>',
      ),
    );
    const broken = await findBrokenInternalLinks(copy);
    expect(broken.map((link) => [link.url, link.page])).toEqual(
      expect.arrayContaining([
        ['/notes/gone/', '/'],
        ['/notes/alpha/#no-such-section', '/'],
      ]),
    );
    expect(broken).toHaveLength(2);
  });
});

describe('a site hosted under a sub-path', () => {
  it('keeps every internal link, asset and feed under the base', async () => {
    const outDir = inject('variantSite');
    expect(await findBrokenInternalLinks(outDir, SUB_PATH.base)).toEqual([]);
    for (const path of ['/', 'notes/alpha', 'tags', 'references', 'search', '404.html']) {
      const page = await readPage(outDir, path);
      const targets = [
        ...page.all('a[href]').map((a) => attr(a, 'href')),
        ...page.all('link[href], script[src]').map((el) => attr(el, 'href') ?? attr(el, 'src')),
      ];
      const internal = targets.filter((href): href is string => !!href && href.startsWith('/'));
      expect(internal.length, path).toBeGreaterThan(0);
      for (const href of internal) expect(href, `${href} on ${path}`).toMatch(/^\/notes-site\//);
      expect(attr(page.one('link[rel="canonical"]'), 'href')).toMatch(/^https:\/\/example\.github\.io\/notes-site\//);
    }
    const feed = await readFile(join(outDir, 'rss.xml'), 'utf8');
    expect(feed).toContain('<link>https://example.github.io/notes-site/notes/beta/</link>');
  });
});

// That two builds of the same content are byte-identical is proved with more at the end of
// tests/incremental.test.ts: a warm rebuild and a cold build, each in a workspace of its own, write the same bytes.
