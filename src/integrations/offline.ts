/**
 * Writes the service worker for offline reading (`sw.js`) into the built site, with the files
 * and the version of this deploy.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheVersion, precachedFiles, urlOf } from '../lib/offline/precache';
import { serviceWorkerSource } from '../lib/offline/service-worker';

export function offlineReading({ enabled }: { enabled: boolean }): AstroIntegration {
  let base = '/';
  return {
    name: 'offline-reading',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!enabled) return;
        const root = fileURLToPath(dir);
        const entries = await readdir(root, { recursive: true, withFileTypes: true });
        const built = await Promise.all(
          entries
            .filter((entry) => entry.isFile())
            .map(async (entry) => {
              const path = join(entry.parentPath, entry.name);
              return { path: relative(root, path).split(sep).join('/'), bytes: await readFile(path) };
            }),
        );
        const files = precachedFiles(built);
        const version = cacheVersion(files);
        const urls = files.map((file) => urlOf(file.path, base));
        await writeFile(
          join(root, 'sw.js'),
          serviceWorkerSource({ version, urls, offlineUrl: `${base}offline/`, scope: base }),
        );
        const bytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
        logger.info(`offline reading: ${files.length} files, ${(bytes / 1024).toFixed(0)} KB, deploy ${version}`);
      },
    },
  };
}
