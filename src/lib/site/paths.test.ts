import { describe, expect, it } from 'vitest';
import { absoluteUrl, basePrefix, LAYOUT_IDS, layoutIdsOf, noteUrl, tagUrl, withBase } from './paths';

describe('URLs respect the base path', () => {
  it.each([
    ['/', noteUrl('gil', '/'), '/notes/gil/'],
    ['/docs/', noteUrl('gil', '/docs/'), '/docs/notes/gil/'],
    ['/docs', tagUrl('asyncio', '/docs'), '/docs/tags/asyncio/'],
    ['/docs/', withBase('/rss.xml', '/docs/'), '/docs/rss.xml'],
    ['/', withBase('/', '/'), '/'],
  ])('base %s', (_base, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('builds absolute URLs for canonical links and feeds', () => {
    expect(absoluteUrl('/docs/notes/gil/', 'https://example.org')).toBe('https://example.org/docs/notes/gil/');
  });
});

describe('basePrefix', () => {
  it.each([
    ['/', '/'],
    ['/sub', '/sub/'],
    ['/sub/', '/sub/'],
  ])('%s -> %s', (base, prefix) => {
    expect(basePrefix(base)).toBe(prefix);
  });
});

describe('layoutIdsOf', () => {
  it('names only the sections a note page renders', () => {
    expect(layoutIdsOf({ tableOfContents: false, references: false, related: false })).toEqual([LAYOUT_IDS.main]);
    expect(layoutIdsOf({ tableOfContents: true, references: true, related: true })).toEqual([
      'main',
      'toc-heading',
      'references',
      'related-heading',
    ]);
  });
});
