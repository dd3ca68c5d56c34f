/**
 * The notes loader: Astro's glob loader, run only after the raw note files pass the checks that
 * need their text (see source-checks.ts). Astro re-renders a note only when its file changed; the
 * whole store is cleared only when what every rendering depends on changed (the docs inventory,
 * the Markdown plugins' code), so editing one note re-renders that note alone. Each rendering is
 * kept in a file of its own beside the store (see renderings.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { ContentError, type ContentProblem } from '../content/errors';
import { utf8Text } from '../content/text-files';
import { dueForReviewReport } from './checked';
import { forgetMissingRenderings, pruneRenderings, storeRenderingsIn } from './renderings';
import { checkNoteSources, type NoteSource, sourceFingerprint } from './source-checks';
import { isEntryFile, slugFromFileName } from '../content/entry-files';

/** Every note file's text, and a problem for each file that is not UTF-8. */
async function readNoteSources(directory: string): Promise<{ sources: NoteSource[]; problems: ContentProblem[] }> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((entry) => entry.isFile() && isEntryFile(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const read = await Promise.all(
    files.map(async (path) => {
      const file = relative(process.cwd(), path);
      return { file, text: utf8Text(await readFile(path), file) };
    }),
  );
  return {
    sources: read.flatMap(({ file, text }) => (typeof text === 'string' ? [{ file, text }] : [])),
    problems: read.flatMap(({ text }) => (typeof text === 'string' ? [] : [text])),
  };
}

export interface NotesLoaderOptions {
  directory: string;
  /** A digest of what every note's rendering depends on besides the note itself. */
  renderInputs: string;
  /** The Python release of the docs inventory: notes checked against an older one are listed as due for review. */
  docsPython: string;
  /**
   * The folder of the cache directory the renderings are kept in, one per collection: each loader
   * prunes the files of its folder that its store no longer names.
   */
  renderings?: string;
  /** An empty folder is fine (a collection that may have no entries yet). */
  allowEmpty?: boolean;
}

export function notesLoader({
  directory,
  renderInputs,
  docsPython,
  renderings = 'rendered-notes',
  allowEmpty = false,
}: NotesLoaderOptions): Loader {
  const inner = glob({
    pattern: '**/*.{md,mdx}',
    base: directory,
    generateId: ({ entry }) => slugFromFileName(entry),
    // Pages need the rendered note, never its source: the reading time is counted while rendering.
    retainBody: false,
  });
  return {
    name: 'checked-notes',
    load: async (context) => {
      const { sources, problems: unreadable } = await readNoteSources(directory);
      const passed = new Set(context.meta.get('passed-sources')?.split(' '));
      const problems = [...unreadable, ...checkNoteSources(sources, passed, renderInputs, { allowEmpty })];
      if (problems.length > 0) throw new ContentError(problems);
      context.meta.set('passed-sources', sources.map((source) => sourceFingerprint(source, renderInputs)).join(' '));
      if (context.meta.get('render-inputs') !== renderInputs) context.store.clear();
      // `astro dev` keeps a store of its own (.astro/), so it keeps its renderings apart too.
      const folder = join(fileURLToPath(context.config.cacheDir), renderings, context.watcher ? 'dev' : 'build');
      forgetMissingRenderings(context.store);
      await inner.load({ ...context, store: storeRenderingsIn(context.store, folder, renderInputs) });
      // Astro logs a note that failed to render and carries on; the store says which did.
      const unrendered = [...context.store.values()].filter(
        (entry) => entry.filePath?.endsWith('.md') && entry.rendered === undefined,
      );
      if (unrendered.length > 0) {
        for (const entry of unrendered) context.store.delete(entry.id);
        throw new ContentError(
          unrendered.map((entry) => ({
            file: entry.filePath ?? entry.id,
            message: 'could not be rendered: the error is logged above',
          })),
        );
      }
      context.meta.set('render-inputs', renderInputs);
      pruneRenderings(context.store, folder);
      const due = dueForReviewReport(
        [...context.store.values()].map((entry) => ({
          id: entry.id,
          data: entry.data as { checked: { python: string; on: Date } },
        })),
        docsPython,
      );
      if (due) context.logger.warn(due);
    },
  };
}
