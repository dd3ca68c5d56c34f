/**
 * Writes the service worker for offline reading (`sw.js`) into the built site, with the manifest
 * of this deploy: each file kept for offline reading, with its revision.
 */
import { readFileSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { manifestVersion, precacheManifest, precachedFiles } from '../lib/offline/precache';
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
        const manifest = precacheManifest(readEach(root, files), base);
        const version = manifestVersion(manifest);
        const bytes = manifest.reduce((sum, entry) => sum + entry.bytes, 0);
        await writeFile(
          join(root, 'sw.js'),
          serviceWorkerSource({ version, manifest, offlineUrl: `${base}offline/`, scope: base }),
        );
        logger.info(`offline reading: ${files.length} files, ${(bytes / 1024).toFixed(0)} KB, deploy ${version}`);
      },
    },
  };
}
