/** Checks a built site for broken internal links and `#fragment` targets, the way a reader would hit them. */
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { LinkChecker, LinkState } from 'linkinator';
import { serveDirectory } from './serve-site';

export interface BrokenLink {
  /** The link's target as a site path, e.g. `/notes/gone/`. */
  url: string;
  /** The page that holds it, as a site path. */
  page: string;
  status: number | undefined;
}

/** Every page of the site as a path under its root (`notes/gil/`), Pagefind's own files left out. */
async function pagePaths(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.startsWith('pagefind/'))
    .map((path) => path.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

/**
 * Serves `distDir` under `base` (as the host will) and follows every link of every page,
 * checking that internal targets exist and that their `#fragments` name an element. Pages are
 * handed to the checker as URLs, so it works wherever the project and the build live.
 */
export async function findBrokenInternalLinks(distDir: string, base = '/'): Promise<BrokenLink[]> {
  const server = await serveDirectory(distDir, base);
  const origin = new URL(server.url).origin;
  const sitePath = (url: string | undefined) =>
    url && URL.canParse(url) ? `${new URL(url).pathname}${new URL(url).hash}` : (url ?? '');
  try {
    const result = await new LinkChecker().check({
      path: (await pagePaths(distDir)).map((page) => new URL(page, server.url).href),
      recurse: true,
      checkFragments: true,
      concurrency: 20,
      linksToSkip: async (link) => !link.startsWith(origin),
    });
    return (
      result.links
        .filter((link) => link.state === LinkState.BROKEN)
        .map((link) => ({ url: sitePath(link.url), page: sitePath(link.parent), status: link.status }))
        // A missing page is reported by the page linking to it, not again as a page of its own.
        .filter((link) => link.url !== link.page)
    );
  } finally {
    await server.close();
  }
}
