/**
 * The last step of `npm run build`: the Pagefind search index of the built site. It runs once
 * `astro build` has exited, so the Astro build and Pagefind never hold their memory at once.
 * The site is `dist/`, or the folder OUT_DIR names, as in astro.config.mjs.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { close, createIndex } from 'pagefind';

async function writeSearchIndex(site: string): Promise<number> {
  if (!existsSync(join(site, 'index.html')))
    throw new Error(`${relative(process.cwd(), site) || '.'} holds no built site: run \`astro build\` first`);
  // `_` keeps API names such as `to_thread` whole, so readers find them as they type them.
  const { index, errors } = await createIndex({ forceLanguage: 'en', includeCharacters: '_' });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await close();
  }
}

writeSearchIndex(resolve(process.env['OUT_DIR'] ?? 'dist')).then(
  (pages) => console.log(`[search-index] indexed ${pages} pages for search`),
  (error: unknown) => {
    console.error(`[search-index] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
