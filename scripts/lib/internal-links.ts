/** Checks a built site for broken internal links and `#fragment` targets, the way a reader would hit them. */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { LinkChecker, LinkState } from 'linkinator';

export interface BrokenLink {
  /** The link as found, resolved against the local server. */
  url: string;
  /** The page that holds it, as a site path. */
  page: string;
  status: number | undefined;
}

async function htmlFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html') && !entry.parentPath.includes(`${directory}/pagefind`))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const isLocal = (url: string) => /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(url);
const sitePath = (url: string | undefined) => (url && URL.canParse(url) ? new URL(url).pathname : (url ?? ''));

/**
 * Serves `distDir` under `base` (as the host will) and follows every link of every page,
 * checking that internal targets exist and that their `#fragments` name an element.
 */
export async function findBrokenInternalLinks(distDir: string, base = '/'): Promise<BrokenLink[]> {
  const root = await mkdtemp(join(tmpdir(), 'served-site-'));
  const served = join(root, base);
  await cp(distDir, served, { recursive: true });
  try {
    const pages = await htmlFiles(served);
    const checker = new LinkChecker();
    const result = await checker.check({
      path: pages.map((page) => relative(process.cwd(), page)),
      serverRoot: root,
      recurse: true,
      checkFragments: true,
      concurrency: 20,
      linksToSkip: async (link) => !isLocal(link),
    });
    return result.links
      .filter((link) => link.state === LinkState.BROKEN)
      .map((link) => ({ url: link.url, page: sitePath(link.parent), status: link.status }));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
