import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cssReferences, distSize, gzipSize, measurePage, siteCss, staticImports } from './measure-pages';

let dist: string;
const paragraph = '<p>Long article text about the event loop and its tasks.</p>';
const article = `<div class="prose">${paragraph.repeat(200)}</div>`;
const css = 'body{margin:0}.prose{max-width:40em}';
const chunk = 'export const shared=1;';
const entry = 'import{shared as s}from"./chunk.js";import("./lazy.js").then(()=>s);';

async function write(file: string, content: string): Promise<void> {
  await mkdir(join(dist, file, '..'), { recursive: true });
  await writeFile(join(dist, file), content);
}

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'measure-'));
  await write('_astro/site.css', css);
  await write('_astro/entry.js', entry);
  await write('_astro/chunk.js', chunk);
  await write('_astro/lazy.js', 'export default 1;'.repeat(100));
  await write('_astro/fonts.css', '@font-face{font-family:X;src:url(./x.woff2)}h1{background:url(/hero.png)}');
  await write('_astro/x.woff2', 'font');
  await write('favicon.svg', '<svg/>');
  await write('pagefind/pagefind-ui.css', '.pagefind-ui{}');
  await write(
    'notes/gil/index.html',
    `<!doctype html><html><head><title>GIL</title><link rel="stylesheet" href="/_astro/site.css"><link rel="icon" href="/favicon.svg"><script type="module" src="/_astro/entry.js"></script></head><body><main>${article}</main></body></html>`,
  );
  await write(
    'heavy/index.html',
    '<!doctype html><html><head><link rel="stylesheet" href="../_astro/fonts.css"><script src="/_astro/chunk.js"></script><script src="/_astro/chunk.js" defer></script><style>p{color:red}</style><link rel="stylesheet" href="/_astro/gone.css"></head><body><img src="/a.png"><img src="/b.png" loading="lazy"></body></html>',
  );
  await write(
    'sub/notes/gil/index.html',
    '<!doctype html><html><head><link rel="stylesheet" href="/sub/_astro/site.css"></head><body></body></html>',
  );
});

afterAll(() => rm(dist, { recursive: true, force: true }));

describe('measurePage', () => {
  it('counts the page chrome without the article body, with every file the page loads', async () => {
    const page = await measurePage(dist, '/notes/gil/');
    expect(page.assets.map((asset) => asset.file).sort()).toEqual([
      '_astro/chunk.js',
      '_astro/entry.js',
      '_astro/site.css',
      'favicon.svg',
    ]);
    expect(page.chromeHtmlGzip).toBeLessThan(page.htmlGzip);
    expect(page.cssGzip).toBe(gzipSize(css));
    expect(page.jsGzip).toBe(gzipSize(entry) + gzipSize(chunk));
    expect(page.chromeGzip).toBe(page.chromeHtmlGzip + page.assets.reduce((sum, asset) => sum + asset.gzip, 0));
    expect(page).toMatchObject({ renderBlockingScripts: [], fonts: [], firstRenderImages: [], missing: [] });
  });

  it('finds render-blocking scripts, fonts, first-render images, inline styles and missing files', async () => {
    const page = await measurePage(dist, '/heavy/');
    expect(page.renderBlockingScripts).toEqual(['/_astro/chunk.js']);
    expect(page.fonts).toEqual(['./x.woff2', '1 @font-face rule(s)']);
    expect(page.firstRenderImages).toEqual(['/hero.png', '/a.png']);
    expect(page.inlineStyles).toEqual(['p{color:red}']);
    expect(page.missing).toEqual(['_astro/gone.css']);
    expect(page.chromeHtmlGzip).toBe(page.htmlGzip);
  });

  it('follows links under a base path', async () => {
    const page = await measurePage(dist, '/sub/notes/gil/', '/sub/');
    expect(page.assets.map((asset) => asset.file)).toEqual(['_astro/site.css']);
  });
});

describe('helpers', () => {
  it('reads static imports of minified modules but not dynamic ones', () => {
    expect(staticImports(entry)).toEqual(['./chunk.js']);
    expect(staticImports('import"./a.js";export*from"./b.js";const x=import.meta.url;')).toEqual(['./a.js', './b.js']);
  });

  it('reads url() and @import of stylesheets, leaving data: URIs out', () => {
    expect(
      cssReferences(
        '@import "x.css";a{background:url(data:image/png;base64,AA)}b{background:url("/i.svg")}@font-face{}',
      ),
    ).toEqual({ urls: ['x.css', '/i.svg'], fontFaces: 1 });
  });

  it('sums the site’s stylesheets one by one, leaving Pagefind’s unused ones out', async () => {
    const pages = [await measurePage(dist, '/notes/gil/'), await measurePage(dist, '/heavy/')];
    const result = await siteCss(dist, pages);
    expect(result.files.map((file) => file.file).sort()).toEqual(['_astro/fonts.css', '_astro/site.css']);
    expect(result.totalGzip).toBe(result.files.reduce((sum, file) => sum + file.gzip, 0) + gzipSize('p{color:red}'));
  });

  it('adds up the size of the build and counts its pages', async () => {
    expect(await distSize(dist)).toMatchObject({ files: 11, htmlPages: 3 });
  });
});
