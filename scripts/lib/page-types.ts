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

/** The first error entry (by slug) whose page lists the message of more than one version: the fullest page. */
async function errorWithVersions(dist: string): Promise<string | undefined> {
  const slugs = (await readdir(join(dist, 'errors'), { withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const slug of slugs) {
    const html = await readFile(join(dist, 'errors', slug, 'index.html'), 'utf8');
    if ((html.match(/class="error-versions__range"/g) ?? []).length > 1) return `/errors/${slug}/`;
  }
  return undefined;
}

/** The kind of reference with the longest page: the one most likely to outgrow a phone. */
async function largestReferenceKind(dist: string): Promise<string | undefined> {
  const folder = join(dist, 'references');
  const kinds = (await readdir(folder, { withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isDirectory() && entry.name !== 'topics' && entry.name !== 'apis')
    .map((entry) => entry.name);
  const sizes = await Promise.all(
    kinds.map(async (kind) => [kind, (await readFile(join(folder, kind, 'index.html'))).length] as const),
  );
  const [largest] = sizes.sort((a, b) => b[1] - a[1]);
  return largest && `/references/${largest[0]}/`;
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
    type('error entry', await errorWithVersions(dist), true),
    type('error messages', '/errors/'),
    type('references', '/references/', true),
    type('references of one kind', await largestReferenceKind(dist), true),
    type('references on one topic', await firstPageIn(dist, 'references/topics')),
    type('standard-library APIs', '/references/apis/'),
    type('search', '/search/', true),
    type('404', '/no-such-page/'),
    type('offline', '/offline/'),
  ];
}
