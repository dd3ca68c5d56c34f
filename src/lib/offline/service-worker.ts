/**
 * The service worker's code, written into the built site as `sw.js` with the manifest of this
 * deploy: every file offline reading needs, each with a revision (a hash of its bytes). Its cache
 * is one per base path, and a file is kept under its address and revision, so a new deploy
 * downloads only the files whose revision changed. Installing fetches those; activating drops the
 * revisions the new manifest no longer names, in this cache alone, never another deploy's under
 * another base path. Pages are served from the cache first; after each visit the browser asks the
 * server for a newer `sw.js` (the update check every browser makes after a navigation a worker
 * serves), so a new deploy is fetched in the background and shown from the next visit on, never
 * mixed with the old one. The worker asks for no update itself: an update awaited in the visit's
 * fetch event keeps the old worker busy, and Chromium can then leave the new one waiting behind it,
 * the old files still kept. A page that is not cached, asked for offline, gets the offline page.
 */
import type { ManifestEntry } from './precache';

export interface ServiceWorkerOptions {
  /** A digest of the manifest, for the file's first line: a new deploy, a new sw.js. */
  version: string;
  manifest: readonly ManifestEntry[];
  /** The page shown for an address that is not cached while the network is down. */
  offlineUrl: string;
  /** The base path the worker serves, e.g. `/` or `/notes-site/`. */
  scope: string;
}

/** The name of the cache of the deploy under `scope`: deploys under other base paths have caches of their own. */
export const cacheNameOf = (scope: string) => `pcn:${scope}`;

export function serviceWorkerSource({ version, manifest, offlineUrl, scope }: ServiceWorkerOptions): string {
  const entries = manifest.map(({ url, revision }) => [url, revision]);
  return `// Offline reading: written by the build (src/lib/offline/service-worker.ts). Deploy ${version}.
const CACHE = ${JSON.stringify(cacheNameOf(scope))};
const REVISIONS = new Map(${JSON.stringify(entries)});
const OFFLINE = ${JSON.stringify(offlineUrl)};
const SCOPE = ${JSON.stringify(scope)};

// A file is kept under its address and revision: an unchanged file keeps its entry from deploy to deploy.
const keyOf = (url, revision) => new URL(url + '?revision=' + revision, self.location.origin).href;
const wanted = () => new Set([...REVISIONS].map(([url, revision]) => keyOf(url, revision)));

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const kept = new Set((await cache.keys()).map((request) => request.url));
      const missing = [...REVISIONS].filter(([url, revision]) => !kept.has(keyOf(url, revision)));
      await Promise.all(
        missing.map(async ([url, revision]) => {
          const response = await fetch(url, { cache: 'reload' });
          if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
          await cache.put(keyOf(url, revision), response);
        }),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const keep = wanted();
      await Promise.all(
        (await cache.keys()).filter((request) => !keep.has(request.url)).map((request) => cache.delete(request)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const revision = REVISIONS.get(url.pathname);
      const cached = revision === undefined ? undefined : await cache.match(keyOf(url.pathname, revision));
      if (cached) return cached;
      try {
        return await fetch(request);
      } catch (error) {
        const offline =
          request.mode === 'navigate' && REVISIONS.has(OFFLINE)
            ? await cache.match(keyOf(OFFLINE, REVISIONS.get(OFFLINE)))
            : undefined;
        if (offline) return offline;
        throw error;
      }
    })(),
  );
});
`;
}

/** The addresses and revisions a built `sw.js` keeps, read back from its source: for tests and the benchmark. */
export function revisionsOfWorker(source: string): Map<string, string> {
  const json = /^const REVISIONS = new Map\((.*)\);$/m.exec(source)?.[1];
  if (json === undefined)
    throw new Error('sw.js has no manifest: was it written by src/lib/offline/service-worker.ts?');
  return new Map(JSON.parse(json) as Array<[string, string]>);
}
