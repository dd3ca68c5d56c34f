/** Measures what a reader downloads from a built site: page chrome, CSS, JS, fonts and first-render images, gzipped. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString as textOf } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { basePrefix } from '../../src/lib/site/paths';

/** Bytes after gzip at zlib's default level, about what a static host sends. */
export const gzipSize = (content: string | Uint8Array): number => gzipSync(content).length;

export interface Asset {
  /** Path inside the built site, e.g. `_astro/` then the hashed name of a stylesheet. */
  file: string;
  kind: 'css' | 'js' | 'icon' | 'font';
  gzip: number;
}

export interface PageMeasure {
  /** Site path of the page, e.g. `/notes/gil/`. */
  page: string;
  htmlGzip: number;
  /** gzipped HTML with the note's own article body (`<div class="prose">`) removed. */
  chromeHtmlGzip: number;
  /**
   * Every file the page loads to render: stylesheets, scripts and their static imports, modulepreloads, icons, fonts.
   */
  assets: Asset[];
  /** Stylesheet files plus inline `<style>`, gzipped. */
  cssGzip: number;
  /** Script files (with what they import statically) plus inline scripts, gzipped. */
  jsGzip: number;
  /** chromeHtmlGzip plus every asset: what a page costs before its own text. */
  chromeGzip: number;
  /** Classic `<script src>` in `<head>` without defer, async or type=module. */
  renderBlockingScripts: string[];
  /** Web fonts: preloaded font files, `@font-face` rules and font URLs in the page's CSS. */
  fonts: string[];
  /** Images a first render needs: eager `<img>`, posters, image preloads, CSS `url()` images. */
  firstRenderImages: string[];
  /** Local files the page references that are not in the build. */
  missing: string[];
  /** Text of the page's inline `<style>` blocks. */
  inlineStyles: string[];
}

const FONT_FILE = /\.(woff2?|ttf|otf|eot)$/i;
const IMAGE_FILE = /\.(png|jpe?g|gif|webp|avif|svg|bmp)$/i;
const SCRIPT_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

const attribute = (element: Element, name: string): string | undefined => {
  const value = element.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
};

/**
 * Static `import`/`export … from` specifiers of a bundled ES module; dynamic `import()` loads later, so it is left out.
 */
export function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?(["'])([^"'\n]+)\1/g)].map(
    (match) => match[2] ?? '',
  );
}

/** `url()` and `@import` targets of a stylesheet, and whether it declares fonts. */
export function cssReferences(css: string): { urls: string[]; fontFaces: number } {
  const urls = [...css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)|@import\s+(["'])([^"']+)\3/g)].map(
    (match) => match[2] ?? match[4] ?? '',
  );
  return {
    urls: urls.filter((url) => !url.startsWith('data:') && !url.startsWith('#')),
    fontFaces: (css.match(/@font-face/gi) ?? []).length,
  };
}

/** Loads the files of one built site, remembering their gzipped sizes. */
class SiteFiles {
  private readonly cache = new Map<string, Promise<Buffer | undefined>>();
  constructor(
    readonly dist: string,
    readonly base: string,
  ) {}

  /**
   * The file inside the build that `href` on `fromPage` (a path inside the build) names, or undefined for another
   * origin.
   */
  fileOf(href: string, fromPage: string): string | undefined {
    const origin = 'http://site.invalid';
    const url = new URL(href, new URL(posix.join(this.base, fromPage), origin));
    if (url.origin !== origin || !url.pathname.startsWith(this.base)) return undefined;
    const path = decodeURIComponent(url.pathname.slice(this.base.length));
    return path === '' || path.endsWith('/') ? `${path}index.html` : path;
  }

  read(file: string): Promise<Buffer | undefined> {
    let content = this.cache.get(file);
    if (!content) {
      content = readFile(join(this.dist, file)).catch(() => undefined);
      this.cache.set(file, content);
    }
    return content;
  }
}

const isArticleBody = (element: Element) =>
  element.tagName === 'div' && (attribute(element, 'className') ?? '').split(' ').includes('prose');

/** Takes the note's own article text out of the page, leaving everything around it. */
function removeArticleBody(tree: Root): boolean {
  let removed = false;
  visit(tree, 'element', (element: Element, index, parent) => {
    if (!isArticleBody(element) || parent === undefined || index === undefined) return undefined;
    parent.children.splice(index, 1);
    removed = true;
    return [SKIP, index];
  });
  return removed;
}

/**
 * Measures one built page. `page` is its path inside the build without BASE_PATH (`/notes/gil/`);
 * `base` is the BASE_PATH the site was built with, so `/sub/_astro/x.css` is found in `dist/_astro/`.
 */
export async function measurePage(dist: string, page: string, base = '/'): Promise<PageMeasure> {
  const files = new SiteFiles(dist, basePrefix(base));
  const html = await files.read(page.endsWith('.html') ? page.slice(1) : posix.join(page.slice(1), 'index.html'));
  if (!html) throw new Error(`${page} is not in ${dist}`);
  const tree = fromHtml(html.toString('utf8'));
  const assets = new Map<string, Asset>();
  const missing: string[] = [];
  const fonts: string[] = [];
  const images: string[] = [];
  const cssTexts: string[] = [];

  const load = async (href: string | undefined, kind: Asset['kind'], from = page): Promise<Buffer | undefined> => {
    const file = href === undefined ? undefined : files.fileOf(href, from);
    if (file === undefined || assets.has(file)) return undefined;
    const content = await files.read(file);
    if (!content) {
      missing.push(file);
      return undefined;
    }
    assets.set(file, { file, kind, gzip: gzipSize(content) });
    if (kind === 'js') {
      for (const specifier of staticImports(content.toString('utf8'))) await load(specifier, 'js', `/${file}`);
    }
    if (kind === 'css') {
      const text = content.toString('utf8');
      cssTexts.push(text);
      for (const url of cssReferences(text).urls) await classifyCssUrl(url, `/${file}`);
    }
    return content;
  };
  const classifyCssUrl = async (url: string, from: string) => {
    const path = url.split(/[?#]/)[0] ?? url;
    if (FONT_FILE.test(path)) {
      fonts.push(url);
      await load(url, 'font', from);
    } else if (IMAGE_FILE.test(path)) images.push(url);
    else if (path.endsWith('.css')) await load(url, 'css', from);
  };

  for (const link of selectAll('link[href]', tree)) {
    const rel = (attribute(link, 'rel') ?? '').toLowerCase().split(/\s+/);
    const as = attribute(link, 'as');
    const href = attribute(link, 'href');
    if (rel.includes('stylesheet') || (rel.includes('preload') && as === 'style')) await load(href, 'css');
    else if (rel.includes('modulepreload') || (rel.includes('preload') && as === 'script')) await load(href, 'js');
    else if (rel.includes('icon')) await load(href, 'icon');
    else if (rel.includes('preload') && as === 'font') {
      fonts.push(href ?? '');
      await load(href, 'font');
    } else if (rel.includes('preload') && as === 'image') images.push(href ?? '');
  }
  const scripts = selectAll('script', tree).filter((script) =>
    SCRIPT_TYPES.has((attribute(script, 'type') ?? '').toLowerCase()),
  );
  for (const script of scripts) await load(attribute(script, 'src'), 'js');
  const renderBlockingScripts = selectAll('head script[src]', tree)
    .filter(
      (script) =>
        attribute(script, 'type') !== 'module' &&
        SCRIPT_TYPES.has(attribute(script, 'type') ?? '') &&
        !('defer' in script.properties) &&
        !('async' in script.properties),
    )
    .map((script) => attribute(script, 'src') ?? '');

  const inlineCss = selectAll('style', tree).map((style) => textOf(style));
  const inlineJs = scripts.filter((script) => attribute(script, 'src') === undefined).map((script) => textOf(script));
  for (const css of inlineCss) for (const url of cssReferences(css).urls) await classifyCssUrl(url, page);
  const fontFaces = [...cssTexts, ...inlineCss].reduce((sum, css) => sum + cssReferences(css).fontFaces, 0);
  if (fontFaces > 0) fonts.push(`${fontFaces} @font-face rule(s)`);

  for (const image of selectAll(
    'body img, body picture source, body input[type="image"], body video[poster], body svg image',
    tree,
  )) {
    if (attribute(image, 'loading') === 'lazy') continue;
    images.push(
      attribute(image, 'src') ??
        attribute(image, 'srcSet') ??
        attribute(image, 'poster') ??
        attribute(image, 'href') ??
        image.tagName,
    );
  }
  for (const styled of selectAll('[style]', tree))
    images.push(...cssReferences(attribute(styled, 'style') ?? '').urls.filter((url) => IMAGE_FILE.test(url)));

  const htmlGzip = gzipSize(html);
  const chromeHtmlGzip = removeArticleBody(tree) ? gzipSize(toHtml(tree)) : htmlGzip;
  const list = [...assets.values()];
  const sum = (kind: Asset['kind']) =>
    list.filter((asset) => asset.kind === kind).reduce((total, asset) => total + asset.gzip, 0);
  const inlineGzip = (texts: string[]) => texts.reduce((total, text) => total + (text.trim() ? gzipSize(text) : 0), 0);
  return {
    page,
    htmlGzip,
    chromeHtmlGzip,
    assets: list,
    cssGzip: sum('css') + inlineGzip(inlineCss),
    jsGzip: sum('js') + inlineGzip(inlineJs),
    chromeGzip: chromeHtmlGzip + list.reduce((total, asset) => total + asset.gzip, 0),
    renderBlockingScripts,
    fonts,
    firstRenderImages: images,
    missing,
    inlineStyles: inlineCss,
  };
}

export interface SiteCss {
  /** Every distinct stylesheet (the pages' own, and any other .css outside Pagefind's folder), gzipped one by one. */
  files: Asset[];
  /** Distinct inline `<style>` blocks of the measured pages, gzipped. */
  inlineGzip: number;
  totalGzip: number;
}

/** CSS of the whole site: what the measured pages load plus every other stylesheet the build wrote for itself. */
export async function siteCss(dist: string, pages: readonly PageMeasure[]): Promise<SiteCss> {
  const files = new Map(
    pages.flatMap((page) =>
      page.assets.filter((asset) => asset.kind === 'css').map((asset) => [asset.file, asset] as const),
    ),
  );
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const file = relative(dist, join(entry.parentPath, entry.name));
    // Pagefind writes its own UI stylesheets; they count only when a page loads them.
    if (!entry.isFile() || !file.endsWith('.css') || file.startsWith('pagefind/') || files.has(file)) continue;
    files.set(file, { file, kind: 'css', gzip: gzipSize(await readFile(join(dist, file))) });
  }
  const inlineGzip = [...new Set(pages.flatMap((page) => page.inlineStyles))].reduce(
    (total, css) => total + gzipSize(css),
    0,
  );
  const list = [...files.values()];
  return { files: list, inlineGzip, totalGzip: inlineGzip + list.reduce((total, asset) => total + asset.gzip, 0) };
}

/** Web font files anywhere in the build. */
export async function fontFiles(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && FONT_FILE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Bytes of every file under `dist`, and how many HTML pages it holds (Pagefind's folder aside). */
export async function distSize(dist: string): Promise<{ bytes: number; files: number; htmlPages: number }> {
  const entries = (await readdir(dist, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  let bytes = 0;
  for (const entry of entries) bytes += (await stat(join(entry.parentPath, entry.name))).size;
  const htmlPages = entries.filter(
    (entry) => entry.name.endsWith('.html') && !relative(dist, entry.parentPath).startsWith('pagefind'),
  ).length;
  return { bytes, files: entries.length, htmlPages };
}
