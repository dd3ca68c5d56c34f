/** What Astro's incremental build recorded about the note pages: the cache key of each, by path. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const NOTE_ROUTE = 'src/pages/notes/[slug].astro';

/** The cache key of each note page, from the manifest the incremental build keeps in Astro's cache folder. */
export async function noteCacheKeys(cacheDir: string): Promise<Map<string, string>> {
  const manifest = JSON.parse(await readFile(join(cacheDir, 'incremental-build.json'), 'utf8')) as {
    routes: Record<string, { paths: Record<string, { cacheKey: string }> }>;
  };
  const paths = manifest.routes[NOTE_ROUTE]?.paths ?? {};
  return new Map(Object.entries(paths).map(([path, { cacheKey }]) => [path, cacheKey]));
}

/** The note pages whose key changed since `before`, or that are new: the ones a build rendered again. */
export const rekeyedPages = (before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] =>
  [...after].filter(([path, key]) => before.get(path) !== key).map(([path]) => path);
