import { describe, expect, it } from 'vitest';
import { type BuiltFile, cacheVersion, precachedFiles, urlOf } from './precache';

const file = (path: string, text = path): BuiltFile => ({ path, bytes: new TextEncoder().encode(text) });

describe('precachedFiles', () => {
  it('keeps pages, styles and scripts, and leaves out search, feeds, exports and the worker itself', () => {
    const built = [
      'notes/gil/index.html',
      'index.html',
      '_astro/site.Ab12.css',
      '_astro/reader.Cd34.js',
      'favicon.svg',
      'pagefind/pagefind.js',
      'pagefind/fragment/en_1.pf_fragment',
      'search/index.html',
      'rss.xml',
      'sitemap-index.xml',
      'references.json',
      '_headers',
      'sw.js',
      '404.html',
      'offline/index.html',
    ].map((path) => file(path));
    expect(precachedFiles(built).map(({ path }) => path)).toEqual([
      '_astro/reader.Cd34.js',
      '_astro/site.Ab12.css',
      'favicon.svg',
      'index.html',
      'notes/gil/index.html',
      'offline/index.html',
    ]);
  });
});

describe('urlOf', () => {
  it('serves a page at its folder and any other file at its path, under the base', () => {
    expect(urlOf('index.html', '/')).toBe('/');
    expect(urlOf('notes/gil/index.html', '/')).toBe('/notes/gil/');
    expect(urlOf('notes/gil/index.html', '/sub')).toBe('/sub/notes/gil/');
    expect(urlOf('_astro/site.css', '/sub/')).toBe('/sub/_astro/site.css');
  });
});

describe('cacheVersion', () => {
  const deploy = [file('index.html', 'home'), file('notes/gil/index.html', 'gil')];

  it('is the same for the same files', () => {
    expect(cacheVersion(deploy)).toBe(cacheVersion(deploy.map((f) => ({ ...f }))));
  });

  it('changes when one byte of one file changes, or a file is renamed', () => {
    expect(cacheVersion([deploy[0]!, file('notes/gil/index.html', 'gil!')])).not.toBe(cacheVersion(deploy));
    expect(cacheVersion([deploy[0]!, file('notes/gil2/index.html', 'gil')])).not.toBe(cacheVersion(deploy));
  });
});
