/**
 * The fixture site (tests/fixtures/site) loaded as the validation stage receives it in a build: every
 * note and error entry rendered by the real Markdown plugins through Astro's pipeline, the YAML
 * files read by the site's YAML reader, drafts left out. Tests edit its files first, as an author
 * would, and run the stage over the result.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { render, SITE } from '../../../plugins/__tests__/render';
import { linesBeforeBody, withoutFrontmatter } from '../../content/frontmatter';
import type { NotePageData } from '../../content/page-data';
import { readYamlEntries, type YamlEntry } from '../../content/yaml-loader';
import type { ErrorEntryData } from '../../errors/messages';
import { readFrontmatter } from '../../notes/frontmatter';
import { publishedNotes } from '../../notes/publishing';
import { INVENTORY_FILE, loadInventory } from '../../python-docs/inventory';
import type { ReferenceKind } from '../../references/kinds';
import type { LoadedContent } from '../stage';

const FIXTURE = join(import.meta.dirname, '../../../../tests/fixtures/site');
/** Where the fixture's files are said to be, in messages: as in the project's own content folder. */
export const ROOT = 'content';

/** A content folder in memory: its files' text by path under the folder, e.g. `notes/alpha.md`. */
export type ContentFiles = Map<string, string>;

export async function fixtureFiles(): Promise<ContentFiles> {
  const entries = await readdir(FIXTURE, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  return new Map(
    await Promise.all(files.map(async (path) => [relative(FIXTURE, path), await readFile(path, 'utf8')] as const)),
  );
}

/** Rewrites one file; fails loudly if the edit changes nothing, so no test passes on an edit that missed. */
export function edited(files: ContentFiles, file: string, edit: (text: string) => string): ContentFiles {
  const before = files.get(file);
  if (before === undefined) throw new Error(`the fixture has no ${file}`);
  const after = edit(before);
  if (after === before) throw new Error(`edit of ${file} changed nothing`);
  return new Map(files).set(file, after);
}

/** The text Astro hands the Markdown processor: an .mdx file with its frontmatter blanked, an .md file's body. */
const renderedText = (file: string, text: string) =>
  file.endsWith('.mdx') ? withoutFrontmatter(text) : text.split('\n').slice(linesBeforeBody(text, file)).join('\n');

// A file's rendering depends on its path and text alone: each is rendered once however many tests load it.
const renderings = new Map<string, Promise<NotePageData>>();
function pageOf(file: string, text: string): Promise<NotePageData> {
  const key = `${file}\0${text}`;
  let page = renderings.get(key);
  if (page === undefined) {
    page = render(renderedText(file, text), {}, join(ROOT, file)).then((rendered) => rendered.page);
    renderings.set(key, page);
  }
  return page;
}

function frontmatterOf(file: string, text: string): Record<string, unknown> {
  const frontmatter = readFrontmatter(text, file);
  if ('message' in frontmatter) throw new Error(`${file}: ${frontmatter.message}`);
  return frontmatter.data;
}

/** The entries of a Markdown folder, with their data as the schema would give it and their renderings. */
async function markdownEntries<T>(files: ContentFiles, folder: string, data: (raw: Record<string, unknown>) => T) {
  const inFolder = [...files].filter(([file]) => file.startsWith(`${folder}/`) && /\.mdx?$/.test(file));
  return Promise.all(
    inFolder.map(async ([file, text]) => ({
      entry: {
        id: (file.split('/').at(-1) ?? file).replace(/\.mdx?$/, ''),
        filePath: join(ROOT, file),
        data: data(frontmatterOf(file, text)),
      },
      page: await pageOf(file, text),
    })),
  );
}

function yamlEntries(files: ContentFiles, file: string): YamlEntry[] {
  const entries = readYamlEntries(files.get(file) ?? '', file);
  if (entries.some((entry) => 'message' in entry)) throw new Error(`${file} does not read: ${JSON.stringify(entries)}`);
  return entries as YamlEntry[];
}

const date = (value: unknown) => new Date(String(value));
const text = (value: unknown) => (value === undefined ? undefined : String(value));

/** What the validation stage receives from a build of `files`. */
export async function loadedContent(files: ContentFiles): Promise<LoadedContent> {
  const notes = await markdownEntries(files, 'notes', (raw) => ({
    title: String(raw['title']),
    tags: (raw['tags'] as string[]).map((id) => ({ id })),
    python: text(raw['python']),
    published: date(raw['published']),
    draft: raw['draft'] === true,
  }));
  const pages = new Map(notes.map(({ entry, page }) => [entry, page]));
  const published = publishedNotes([...pages.keys()], { includeDrafts: false }).map((note) => {
    const page = pages.get(note);
    if (page === undefined) throw new Error(`no rendering of ${note.filePath}`);
    return { note, page };
  });
  const errors = await markdownEntries(files, 'errors', (raw) => ({
    ...(raw as unknown as ErrorEntryData),
    python: text(raw['python']),
    published: date(raw['published']),
    draft: raw['draft'] === true,
    notes: raw['notes'] as string[],
  }));
  return {
    site: SITE,
    notes: published,
    errors,
    references: yamlEntries(files, 'references.yaml').map(({ id, data }) => ({
      id,
      data: {
        url: String(data['url']),
        title: String(data['title']),
        kind: data['kind'] as ReferenceKind,
        year: Number(data['year']),
        ...(data['replacedBy'] === undefined ? {} : { replacedBy: { id: String(data['replacedBy']) } }),
      },
    })),
    tags: yamlEntries(files, 'tags.yaml'),
    paths: yamlEntries(files, 'paths.yaml').map(({ id, data }, position) => ({
      id,
      data: {
        title: String(data['title']),
        intro: String(data['intro']),
        steps: data['steps'] as Array<{ note: string; why: string }>,
        position,
      },
    })),
    modules: new Set(Object.keys(loadInventory(INVENTORY_FILE).modules)),
    files: { references: join(ROOT, 'references.yaml'), paths: join(ROOT, 'paths.yaml') },
    readText: (path) => files.get(relative(ROOT, path)) ?? '',
    shown: (path) => path,
  };
}
