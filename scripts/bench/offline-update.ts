/** What a returning reader's service worker downloads after a deploy: read from two builds' sw.js. */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { changedEntries, type ManifestEntry } from '../../src/lib/offline/precache';
import { revisionsOfWorker } from '../../src/lib/offline/service-worker';

/** The manifest of a built site's offline cache, with each file's size; `base` is the path the site was built for. */
export async function offlineManifest(dist: string, base = '/'): Promise<ManifestEntry[]> {
  const revisions = revisionsOfWorker(await readFile(join(dist, 'sw.js'), 'utf8'));
  return Promise.all(
    [...revisions].map(async ([url, revision]) => {
      const path = url.slice(base.length);
      const file = join(dist, path === '' || path.endsWith('/') ? `${path}index.html` : path);
      return { url, revision, bytes: (await stat(file)).size };
    }),
  );
}

export interface OfflineUpdate {
  /** The files the worker fetches again, by address. */
  urls: string[];
  bytes: number;
  /** The whole offline cache of the new deploy. */
  totalFiles: number;
  totalBytes: number;
}

export function offlineUpdate(before: readonly ManifestEntry[], after: readonly ManifestEntry[]): OfflineUpdate {
  const changed = changedEntries(before, after);
  return {
    urls: changed.map(({ url }) => url),
    bytes: changed.reduce((sum, { bytes }) => sum + bytes, 0),
    totalFiles: after.length,
    totalBytes: after.reduce((sum, { bytes }) => sum + bytes, 0),
  };
}
