/** Measures what a reader downloads: page chrome, CSS, JS and fonts of built pages, gzipped. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { select, selectAll } from 'hast-util-select';

export const gzipSize = (content: string | Buffer): number => gzipSync(content, { level: 9 }).length;

export interface PageWeight {
  path: string;
  /** gzipped HTML of the whole page. */
  html: number;
  /** gzipped HTML without the note's own article text (`.prose`). */
  chromeHtml: number;
  css: number;
  js: number;
  /** Scripts that block rendering: classic `<script src>` without defer or async. */
  renderBlockingScripts: number;
  fonts: number;
  /** Images referenced by the page (img, picture, CSS url() excluded). */
  images: number;
}

const prop = (element: Element, name: string) => {
  const value = element.properties[name];
  return Array.isArray(value) ? value.join(' ') : value === undefined || value === null ? undefined : String(value);
};

async function assetSize(dist: string, href: string | undefined): Promise<number> {
  if (!href || !href.startsWith('/')) return 0;
  const content = await readFile(join(dist, href.split('?')[0] ?? href)).catch(() => undefined);
  return content ? gzipSize(content) : 0;
}

export async function measurePage(dist: string, path: string): Promise<PageWeight> {
  const html = await readFile(join(dist, path, path.endsWith('.html') ? '' : 'index.html'), 'utf8');
  const tree = fromHtml(html);
  const styles = selectAll('link[rel~="stylesheet"]', tree).map((link) => prop(link, 'href'));
  const scripts = selectAll('script[src]', tree);
  const icons = selectAll('link[rel~="icon"]', tree).map((link) => prop(link, 'href'));
  const inlineCss = selectAll('style', tree).reduce((sum, style) => sum + gzipSize(toHtml(style.children)), 0);
  const css = inlineCss + (await Promise.all(styles.map((href) => assetSize(dist, href)))).reduce((a, b) => a + b, 0);
  const js = (await Promise.all(scripts.map((script) => assetSize(dist, prop(script, 'src'))))).reduce((a, b) => a + b, 0);
  const iconBytes = (await Promise.all(icons.map((href) => assetSize(dist, href)))).reduce((a, b) => a + b, 0);
  const renderBlockingScripts = scripts.filter((script) => prop(script, 'type') !== 'module' && script.properties['defer'] === undefined && script.properties['async'] === undefined).length;
  const prose = select('.prose', tree);
  if (prose) prose.children = [];
  const chromeHtml = gzipSize(toHtml(tree));
  const cssText = (await Promise.all(styles.map((href) => (href ? readFile(join(dist, href), 'utf8').catch(() => '') : '')))).join('');
  return {
    path,
    html: gzipSize(html),
    chromeHtml: chromeHtml + iconBytes,
    css,
    js,
    renderBlockingScripts,
    fonts: (cssText.match(/@font-face/g) ?? []).length + selectAll('link[rel="preload"][as="font"]', tree).length,
    images: selectAll('img, picture source', tree).length,
  };
}

/** gzipped size of every distinct stylesheet of the site, together. */
export async function siteCss(dist: string): Promise<number> {
  const files = (await readdir(join(dist, '_astro'))).filter((file) => file.endsWith('.css'));
  return gzipSize(Buffer.concat(await Promise.all(files.map((file) => readFile(join(dist, '_astro', file))))));
}

/** Bytes of every file under `dist`. */
export async function distSize(dist: string): Promise<number> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(entries.filter((entry) => entry.isFile()).map(async (entry) => (await readFile(join(entry.parentPath, entry.name))).length));
  return sizes.reduce((a, b) => a + b, 0);
}
