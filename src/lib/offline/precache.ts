/**
 * What the service worker keeps for offline reading: every page a reader browses (notes, tags,
 * paths, references, changes, the offline page) with the CSS and scripts they load, but not the
 * search index or Pagefind's files, nor the feed, the sitemap and the JSON export. The cache is
 * named after a hash of exactly those files, so a new deploy replaces it whole.
 */
import { createHash } from 'node:crypto';
import { basePrefix } from '../site/paths';

export interface BuiltFile {
  /** Path inside the built site, with `/` separators: `notes/gil/index.html`. */
  path: string;
  bytes: Uint8Array;
}

const LEFT_OUT = [
  /^pagefind\//,
  /^search\//,
  /^rss\.xml$/,
  /^sitemap/,
  /^references\.json$/,
  /^_headers$/,
  /^sw\.js$/,
  /^404\.html$/,
];
const KEPT = /\.(html|css|js|svg)$/;

/** The built files a reader needs offline, in path order. */
export function precachedFiles<F extends Pick<BuiltFile, 'path'>>(files: readonly F[]): F[] {
  return files
    .filter(({ path }) => KEPT.test(path) && !LEFT_OUT.some((pattern) => pattern.test(path)))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The address a file is served at under `base`: a page's folder, `/notes/gil/`, not its index.html. */
export function urlOf(path: string, base: string): string {
  return `${basePrefix(base)}${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** A short hash of every precached file's path and content: the cache's version. Files are read as it goes. */
export function cacheVersion(files: Iterable<BuiltFile>): string {
  const hash = createHash('sha256');
  for (const { path, bytes } of files) hash.update(path).update('\0').update(bytes).update('\0');
  return hash.digest('hex').slice(0, 12);
}
