/**
 * Writes the service worker for offline reading (`sw.js`) into the built site, with the files
 * and the version of this deploy.
 */
import { readFileSync, statSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheVersion, precachedFiles, urlOf } from '../lib/offline/precache';
import { serviceWorkerSource } from '../lib/offline/service-worker';
import { basePrefix } from '../lib/site/paths';

/** The built files at `files`, read one at a time: a large site's pages add up to tens of megabytes. */
function* readEach(root: string, files: ReadonlyArray<{ path: string }>) {
  for (const { path } of files) yield { path, bytes: readFileSync(join(root, path)) };
}

export function offlineReading({ enabled }: { enabled: boolean }): AstroIntegration {
  let base = '/';
  return {
    name: 'offline-reading',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = basePrefix(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!enabled) return;
        const root = fileURLToPath(dir);
        const entries = await readdir(root, { recursive: true, withFileTypes: true });
        const files = precachedFiles(
          entries
            .filter((entry) => entry.isFile())
            .map((entry) => ({ path: relative(root, join(entry.parentPath, entry.name)).split(sep).join('/') })),
        );
        const version = cacheVersion(readEach(root, files));
        const bytes = files.reduce((sum, { path }) => sum + statSync(join(root, path)).size, 0);
        const urls = files.map((file) => urlOf(file.path, base));
        await writeFile(
          join(root, 'sw.js'),
          serviceWorkerSource({ version, urls, offlineUrl: `${base}offline/`, scope: base }),
        );
        logger.info(`offline reading: ${files.length} files, ${(bytes / 1024).toFixed(0)} KB, deploy ${version}`);
      },
    },
  };
}
