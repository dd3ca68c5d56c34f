/**
 * The validation stage in Astro: after the content sync and before any page renders, it gathers the
 * loaded collections and what the Markdown plugins recorded, runs the rules over them
 * (`contentFindings` in stage.ts) and stops the build with every problem at once.
 * `src/middleware.ts` runs it ahead of every page, so `npm run dev` shows problems in the terminal
 * and the browser's error overlay too.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getCollection } from 'astro:content';
import { contentRoot } from '../content/root';
import { ContentError } from '../content/errors';
import { INVENTORY_FILE, loadInventory } from '../python-docs/inventory';
import { getLinkStatus, getReferences, getRenderedErrors, getRenderedNotes } from '../site/collections';
import { oncePerContentVersion } from '../site/content-version';
import { contentFindings, type LoadedContent } from './stage';

/** Reads a file only to point at a line, so only when there is a problem to report. */
function fileText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** What the stage runs over, from Astro's collections. */
async function loadedContent(): Promise<LoadedContent> {
  const root = contentRoot();
  // The link status is read here first, so a broken file stops the build before any page is written.
  const [notes, errors, references, tags, paths] = await Promise.all([
    getRenderedNotes(),
    getRenderedErrors(),
    getReferences(),
    getCollection('tags'),
    getCollection('paths'),
    getLinkStatus(),
  ]);
  return {
    site: import.meta.env.SITE,
    notes,
    errors,
    references,
    tags,
    paths,
    modules: new Set(Object.keys(loadInventory(INVENTORY_FILE).modules)),
    files: { references: join(root, 'references.yaml'), paths: join(root, 'paths.yaml') },
    readText: fileText,
    shown: (path) => relative(process.cwd(), path),
  };
}

/**
 * Throws one ContentError listing every problem. The content is checked once per version of it: once in a build, and
 * in `astro dev` again after each edit.
 */
export const assertContentValid = oncePerContentVersion(async () => {
  const { problems, warnings } = contentFindings(await loadedContent());
  for (const warning of warnings) console.warn(warning);
  if (problems.length > 0) throw new ContentError(problems);
});
