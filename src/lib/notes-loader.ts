/** The notes loader: Astro's glob loader, run only after the raw note files pass our checks. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { ContentError, type ContentProblem } from './content/errors';
import { dueForReviewReport } from './notes/checked';
import { checkNoteSources, type NoteSource } from './note-sources';
import { slugFromFileName } from './paths';

const NOTE_FILE = /\.mdx?$/;

async function readNoteSources(directory: string): Promise<NoteSource[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((entry) => entry.isFile() && NOTE_FILE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  return Promise.all(
    files.map(async (path) => ({ file: relative(process.cwd(), path), text: await readFile(path, 'utf8') })),
  );
}

async function readTagIds(tagsFile: string): Promise<Set<string>> {
  const data: unknown = parseYaml(await readFile(tagsFile, 'utf8').catch(() => ''));
  return new Set(data !== null && typeof data === 'object' ? Object.keys(data) : []);
}

/** A digest of everything a note's rendering checks against: every note, the tags and the references. */
function inputsDigest(sources: readonly NoteSource[], extra: readonly string[]): string {
  const hash = createHash('sha256');
  for (const { file, text } of sources) hash.update(file).update('\0').update(text).update('\0');
  for (const text of extra) hash.update(text).update('\0');
  return hash.digest('hex');
}

/**
 * Astro logs a Markdown plugin's error while rendering an entry and carries on; this logger
 * keeps those errors so the loader can stop the build with them after the glob loader ran.
 */
function collectingRenderErrors(context: LoaderContext, problems: ContentProblem[]): LoaderContext {
  const logger = Object.create(context.logger) as LoaderContext['logger'];
  logger.error = (message: string) => {
    const rendering = /^Error rendering (.+?): ([\s\S]*)$/.exec(message);
    if (!rendering) return context.logger.error(message);
    const [, file = '', detail = ''] = rendering;
    // A ContentError already lists file:line problems; anything else gets the note's name.
    const listed = /Content has (?:a problem|\d+ problems):\n([\s\S]*)$/.exec(detail)?.[1];
    problems.push({ file, message: listed?.trim().replace(/^- /, '') ?? `${file}: ${detail.split('\n')[0] ?? ''}` });
  };
  return { ...context, logger };
}

export interface NotesLoaderOptions {
  directory: string;
  tagsFile: string;
  referencesFile: string;
  /** The Python release of the docs inventory: notes checked against an older one are listed as due for review. */
  docsPython: string;
}

export function notesLoader({ directory, tagsFile, referencesFile, docsPython }: NotesLoaderOptions): Loader {
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
      const sources = await readNoteSources(directory);
      const problems = checkNoteSources(sources, { tagIds: await readTagIds(tagsFile) });
      if (problems.length > 0) throw new ContentError(problems);
      // Rendering checks each note's links against the other notes, the tags and the references,
      // so a cached rendering is only valid while none of them changed.
      const digest = inputsDigest(sources, await Promise.all([tagsFile, referencesFile].map((file) => readFile(file, 'utf8').catch(() => ''))));
      if (context.meta.get('inputs') !== digest) context.store.clear();
      const renderProblems: ContentProblem[] = [];
      await inner.load(collectingRenderErrors(context, renderProblems));
      if (renderProblems.length > 0) {
        context.store.clear();
        context.meta.delete('inputs');
        const error = new Error(`Notes could not be rendered:\n${renderProblems.map((problem) => `  - ${problem.message}`).join('\n')}`);
        error.stack = error.message;
        throw error;
      }
      context.meta.set('inputs', digest);
      const due = dueForReviewReport(
        [...context.store.values()].map((entry) => ({ id: entry.id, data: entry.data as { checked: { python: string; on: Date } } })),
        docsPython,
      );
      if (due) context.logger.warn(due);
    },
  };
}
