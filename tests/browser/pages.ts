/** One page of each type, found in a built site, for the browser tests to visit. */
import { readdir } from 'node:fs/promises';
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

export async function pageTypes(distDir: string): Promise<PageType[]> {
  return [
    { name: 'home', path: '/' },
    { name: 'note', path: `/notes/${await firstSubfolder(join(distDir, 'notes'))}/` },
    { name: 'tag index', path: '/tags/' },
    { name: 'tag page', path: `/tags/${await firstSubfolder(join(distDir, 'tags'))}/` },
    { name: 'references', path: '/references/' },
    { name: 'search', path: '/search/' },
    { name: '404', path: '/no-such-page/' },
  ];
}
