/** One page of each type, found in a built site, for the browser tests to visit. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface PageType {
  name: string;
  path: string;
}

async function firstSubfolder(directory: string): Promise<string> {
  const entries = await readdir(directory, { withFileTypes: true });
  const folder = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()[0];
  if (!folder) throw new Error(`${directory} has no pages`);
  return folder;
}

/** The first note (by slug) whose page carries a deprecation mark after an API name. */
export async function noteWithDeprecationMark(distDir: string): Promise<string> {
  const slugs = (await readdir(join(distDir, 'notes'))).sort();
  for (const slug of slugs) {
    if ((await readFile(join(distDir, 'notes', slug, 'index.html'), 'utf8')).includes('api-mark--deprecated'))
      return slug;
  }
  throw new Error(`no note under ${distDir} marks a deprecated API`);
}

/** The first error entry (by slug) whose page lists the message of more than one version: the fullest page. */
export async function errorWithVersions(distDir: string): Promise<string> {
  const slugs = (await readdir(join(distDir, 'errors'), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const slug of slugs) {
    const html = await readFile(join(distDir, 'errors', slug, 'index.html'), 'utf8');
    if ((html.match(/class="error-versions__range"/g) ?? []).length > 1) return slug;
  }
  throw new Error(`no error entry under ${distDir} lists more than one version`);
}

/** The kind of reference with the longest page: the one most likely to outgrow a phone. */
async function largestKind(distDir: string): Promise<string> {
  const folder = join(distDir, 'references');
  const kinds = (await readdir(folder, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && entry.name !== 'topics' && entry.name !== 'apis')
    .map((entry) => entry.name);
  const sizes = await Promise.all(
    kinds.map(async (kind) => [kind, (await readFile(join(folder, kind, 'index.html'))).length] as const),
  );
  const [largest] = sizes.sort((a, b) => b[1] - a[1]);
  if (!largest) throw new Error(`${folder} has no page of a kind of reference`);
  return largest[0];
}

export async function pageTypes(distDir: string): Promise<PageType[]> {
  return [
    { name: 'home', path: '/' },
    { name: 'note', path: `/notes/${await firstSubfolder(join(distDir, 'notes'))}/` },
    { name: 'note with version marks', path: `/notes/${await noteWithDeprecationMark(distDir)}/` },
    { name: 'error entry', path: `/errors/${await errorWithVersions(distDir)}/` },
    { name: 'error messages', path: '/errors/' },
    { name: 'reading paths', path: '/paths/' },
    { name: 'changes', path: '/changes/' },
    { name: 'tag index', path: '/tags/' },
    { name: 'tag page', path: `/tags/${await firstSubfolder(join(distDir, 'tags'))}/` },
    { name: 'references', path: '/references/' },
    { name: 'references of one kind', path: `/references/${await largestKind(distDir)}/` },
    {
      name: 'references on one topic',
      path: `/references/topics/${await firstSubfolder(join(distDir, 'references/topics'))}/`,
    },
    { name: 'standard-library APIs', path: '/references/apis/' },
    { name: 'search', path: '/search/' },
    { name: '404', path: '/no-such-page/' },
    { name: 'offline', path: '/offline/' },
  ];
}
