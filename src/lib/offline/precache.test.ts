import { describe, expect, it } from 'vitest';
import { type BuiltFile, changedEntries, manifestVersion, precacheManifest, precachedFiles, urlOf } from './precache';
import { cacheNameOf, revisionsOfWorker, serviceWorkerSource } from './service-worker';

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

describe('the precache manifest', () => {
  const deploy = [file('index.html', 'home'), file('notes/gil/index.html', 'gil'), file('_astro/a.css', 'css')];

  it('gives each file a revision that changes with its bytes alone', () => {
    const manifest = precacheManifest(deploy, '/sub/');
    expect(manifest.map(({ url, bytes }) => [url, bytes])).toEqual([
      ['/sub/', 4],
      ['/sub/notes/gil/', 3],
      ['/sub/_astro/a.css', 3],
    ]);
    expect(
      precacheManifest(
        deploy.map((f) => ({ ...f })),
        '/sub/',
      ),
    ).toEqual(manifest);
    const edited = precacheManifest([deploy[0]!, file('notes/gil/index.html', 'gil!'), deploy[2]!], '/sub/');
    expect(edited.map(({ revision }) => revision)).toEqual([
      manifest[0]?.revision,
      expect.not.stringMatching(manifest[1]?.revision ?? ''),
      manifest[2]?.revision,
    ]);
    expect(manifestVersion(edited)).not.toBe(manifestVersion(manifest));
  });

  it('says what a returning reader downloads after a deploy: the new and changed files, nothing else', () => {
    const before = precacheManifest(deploy, '/');
    const after = precacheManifest(
      [deploy[0]!, file('notes/gil/index.html', 'gil, edited'), deploy[2]!, file('notes/new/index.html', 'new')],
      '/',
    );
    expect(changedEntries(before, after).map(({ url }) => url)).toEqual(['/notes/gil/', '/notes/new/']);
    expect(changedEntries(after, after)).toEqual([]);
  });

  it('is written into sw.js, with a cache of the base path’s own, and read back the same', () => {
    const manifest = precacheManifest(deploy, '/sub/');
    const source = serviceWorkerSource({ version: 'v', manifest, offlineUrl: '/sub/offline/', scope: '/sub/' });
    expect(revisionsOfWorker(source)).toEqual(new Map(manifest.map(({ url, revision }) => [url, revision])));
    expect(source).toContain(`const CACHE = "${cacheNameOf('/sub/')}";`);
    expect(cacheNameOf('/sub/')).not.toBe(cacheNameOf('/'));
  });
});
