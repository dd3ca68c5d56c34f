/**
 * What the service worker keeps for offline reading: every page a reader browses (notes, error
 * entries, tags, paths, references, changes, the offline page) with the CSS and scripts they
 * load, but not the search index or Pagefind's files, nor the feed, the sitemap and the JSON
 * export. Each file carries a revision, a hash of its bytes, so a new deploy replaces only the
 * files that changed.
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

/** One file of the offline cache: where it is served, a hash of its bytes, and its size. */
export interface ManifestEntry {
  url: string;
  revision: string;
  bytes: number;
}

const digest = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex').slice(0, 12);

/** The manifest of a deploy: each kept file's address under `base` and revision. Files are read as it goes. */
export function precacheManifest(files: Iterable<BuiltFile>, base: string): ManifestEntry[] {
  const manifest: ManifestEntry[] = [];
  for (const { path, bytes } of files)
    manifest.push({ url: urlOf(path, base), revision: digest(bytes), bytes: bytes.length });
  return manifest;
}

/** A short digest of a whole manifest: the deploy's version. */
export const manifestVersion = (manifest: readonly ManifestEntry[]) =>
  digest(manifest.map(({ url, revision }) => `${url} ${revision}`).join('\n'));

/** What a returning reader's worker downloads to move from one deploy to the next: new and changed files. */
export function changedEntries(previous: readonly ManifestEntry[], next: readonly ManifestEntry[]): ManifestEntry[] {
  const before = new Map(previous.map(({ url, revision }) => [url, revision]));
  return next.filter(({ url, revision }) => before.get(url) !== revision);
}
