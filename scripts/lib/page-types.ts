/**
 * The page types of the built site and one page of each: the one list that the browser tests,
 * the benchmark's page budgets and the Lighthouse audit visit. A new kind of page is a line here.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface PageType {
  name: string;
  /** A page of this type as a site path, or undefined when the built site has none. */
  path: string | undefined;
  /** One of the page types a reader meets first, which the budgets and the audit measure. */
  measured: boolean;
}

/** The first page (by name) under a folder of the built site, e.g. `/notes/asyncio-basics/`. */
async function firstPageIn(dist: string, folder: string): Promise<string | undefined> {
  const entries = await readdir(join(dist, folder), { withFileTypes: true }).catch(() => []);
  const name = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()[0];
  return name === undefined ? undefined : `/${folder}/${name}/`;
}

/** The first note (by slug) whose page carries a deprecation mark after an API name. */
async function noteWithDeprecationMark(dist: string): Promise<string | undefined> {
  const slugs = (await readdir(join(dist, 'notes')).catch(() => [])).sort();
  for (const slug of slugs) {
    const html = await readFile(join(dist, 'notes', slug, 'index.html'), 'utf8').catch(() => '');
    if (html.includes('api-mark--deprecated')) return `/notes/${slug}/`;
  }
  return undefined;
}

/** Every page type, with a page of each that `dist` holds. */
export async function pageTypes(dist: string): Promise<PageType[]> {
  const type = (name: string, path: string | undefined, measured = false): PageType => ({ name, path, measured });
  return [
    type('home', '/', true),
    type('note', await firstPageIn(dist, 'notes'), true),
    type('note with version marks', await noteWithDeprecationMark(dist)),
    type('reading paths', '/paths/'),
    type('changes', '/changes/'),
    type('tag index', '/tags/', true),
    type('tag page', await firstPageIn(dist, 'tags'), true),
    type('references', '/references/', true),
    type('search', '/search/', true),
    type('404', '/no-such-page/'),
    type('offline', '/offline/'),
  ];
}
