/**
 * The service worker's code, written into the built site as `sw.js` with the list of files and
 * the version of this deploy. It keeps one cache per deploy: installing it fills the cache with
 * every file offline reading needs; activating it drops the caches of older deploys. Pages are
 * served from the cache first, and each visit asks the server for a newer `sw.js`, so a new
 * deploy is cached whole in the background and shown from the next visit on, never mixed with the
 * old one. A page that is not cached, asked for offline, gets the offline page.
 */

export interface ServiceWorkerOptions {
  version: string;
  /** Addresses to cache, under the base path. */
  urls: readonly string[];
  /** The page shown for an address that is not cached while the network is down. */
  offlineUrl: string;
  /** The base path the worker serves, e.g. `/` or `/notes-site/`. */
  scope: string;
}

export function serviceWorkerSource({ version, urls, offlineUrl, scope }: ServiceWorkerOptions): string {
  return `// Offline reading: written by the build (src/lib/offline/service-worker.ts). Deploy ${version}.
const CACHE = ${JSON.stringify(`pcn-${version}`)};
const URLS = ${JSON.stringify(urls)};
const OFFLINE = ${JSON.stringify(offlineUrl)};
const SCOPE = ${JSON.stringify(scope)};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(URLS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  const old = (key) => key.startsWith('pcn-') && key !== CACHE;
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter(old).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(SCOPE)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) {
        // A newer deploy, if there is one, is cached whole while the reader reads this one.
        if (request.mode === 'navigate') event.waitUntil(self.registration.update().catch(() => undefined));
        return cached;
      }
      try {
        return await fetch(request);
      } catch (error) {
        const offline = request.mode === 'navigate' ? await cache.match(OFFLINE) : undefined;
        if (offline) return offline;
        throw error;
      }
    })(),
  );
});
`;
}
