/** The notes loader: Astro's glob loader, run only after the raw note files pass our checks. */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import { parse as parseYaml } from 'yaml';
import { glob } from 'astro/loaders';
import { ContentError } from './content-errors';
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

export function notesLoader(directory: string, tagsFile: string): Loader {
  const inner = glob({
    pattern: '**/*.{md,mdx}',
    base: directory,
    generateId: ({ entry }) => slugFromFileName(entry),
    // Rendering at page time makes a Markdown plugin's error fail the build; during content
    // sync Astro would only log it.
    deferRender: false,
  });
  return {
    name: 'checked-notes',
    load: async (context) => {
      const problems = checkNoteSources(await readNoteSources(directory), { tagIds: await readTagIds(tagsFile) });
      if (problems.length > 0) throw new ContentError(problems);
      await inner.load(context);
    },
  };
}
