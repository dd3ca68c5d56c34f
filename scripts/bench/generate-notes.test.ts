import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Code, Definition, Root } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { markdownToMdast } from 'satteri';
import { SKIP, visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { withoutFrontmatter } from '../../src/lib/content/frontmatter';
import { isCalendarDate, readFrontmatter } from '../../src/lib/notes/frontmatter';
import { parseLinkStatus } from '../../src/lib/link-health/status';
import { REFERENCE_KINDS } from '../../src/lib/references/kinds';
import { referenceMatcher } from '../../src/lib/references/index-of-references';
import { isOutboundUrl } from '../../src/lib/references/links';
import { normalizeUrl, withoutFragment } from '../../src/lib/references/urls';
import {
  generateContent,
  LINKS_PER_NOTE,
  noteSlug,
  SNIPPETS_PER_NOTE,
  type SyntheticReference,
  WORDS_PER_NOTE,
} from './generate-notes';

/** The site the benchmark builds for: links elsewhere are outbound. */
const SITE = 'https://pyconcurrency.example.org';

const COUNT = 40;
const FRONTMATTER_FIELDS = new Set(['title', 'summary', 'tags', 'published', 'updated', 'python', 'draft', 'checked']);
let root: string;
let notes: Array<{ name: string; source: string }>;
let references: SyntheticReference[];
let tagIds: Set<string>;

const readNotes = async (folder: string) =>
  Promise.all(
    (await readdir(join(folder, 'notes')))
      .sort()
      .map(async (name) => ({ name, source: await readFile(join(folder, 'notes', name), 'utf8') })),
  );

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bench-content-'));
  await generateContent(root, { count: COUNT, seed: 7 });
  notes = await readNotes(root);
  references = parseYaml(await readFile(join(root, 'references.yaml'), 'utf8')) as SyntheticReference[];
  tagIds = new Set(Object.keys(parseYaml(await readFile(join(root, 'tags.yaml'), 'utf8')) as object));
});

afterAll(() => rm(root, { recursive: true, force: true }));

/** What the Markdown parser sees in a note: its python blocks, tables, outbound links and prose words. */
function parsed(source: string) {
  const tree = markdownToMdast(withoutFrontmatter(source), { features: { gfm: true } }) as Root;
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node: Definition) => void definitions.set(node.identifier, node.url));
  const urls: string[] = [];
  const relative: string[] = [];
  let python = 0;
  let tables = 0;
  visit(tree, (node) => {
    if (node.type === 'code' && (node as Code).lang === 'python') python++;
    if (node.type === 'table') tables++;
    const url =
      node.type === 'link' ? node.url : node.type === 'linkReference' ? definitions.get(node.identifier) : undefined;
    if (url === undefined) return;
    if (isOutboundUrl(url, SITE)) urls.push(url);
    else relative.push(url);
  });
  visit(tree, 'code', (_code, index, parent) => {
    if (parent === undefined || index === undefined) return undefined;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  const words = textOf(tree, { includeImageAlt: false })
    .split(/\s+/)
    .filter((token) => /\w/.test(token)).length;
  return { python, tables, urls, relative, words };
}

describe('generateContent', () => {
  it('writes the requested number of notes, tags.yaml with about ten tags, and a valid link status', async () => {
    expect(notes.map((note) => note.name)).toEqual(
      Array.from({ length: COUNT }, (_, index) => `${noteSlug(index)}.md`),
    );
    expect(tagIds.size).toBe(10);
    const status: unknown = JSON.parse(await readFile(join(root, 'link-status.json'), 'utf8'));
    expect(() => parseLinkStatus(status, 'link-status.json')).not.toThrow();
  });

  it('writes reading paths whose every step is a generated note', async () => {
    const paths = parseYaml(await readFile(join(root, 'paths.yaml'), 'utf8')) as Array<{
      id: string;
      steps: Array<{ note: string }>;
    }>;
    expect(paths.map((path) => path.id)).toEqual(['start-here', 'next-steps']);
    const names = new Set(notes.map((note) => note.name.replace(/\.md$/, '')));
    const steps = paths.flatMap((path) => path.steps.map((step) => step.note));
    expect(steps).toHaveLength(14);
    expect(steps.filter((slug) => !names.has(slug))).toEqual([]);
  });

  it('writes the same files for the same seed and other files for another seed', async () => {
    const again = await mkdtemp(join(tmpdir(), 'bench-content-'));
    const other = await mkdtemp(join(tmpdir(), 'bench-content-'));
    try {
      await generateContent(again, { count: COUNT, seed: 7 });
      await generateContent(other, { count: COUNT, seed: 8 });
      expect(await readNotes(again)).toEqual(notes);
      expect(await readFile(join(again, 'references.yaml'), 'utf8')).toBe(
        await readFile(join(root, 'references.yaml'), 'utf8'),
      );
      const differing = (await readNotes(other)).filter((note, index) => note.source !== notes[index]?.source);
      expect(differing).toHaveLength(COUNT);
    } finally {
      await Promise.all([again, other].map((folder) => rm(folder, { recursive: true, force: true })));
    }
  });

  it('gives every note three python blocks, one table, twelve outbound links and about 900 words', () => {
    for (const { name, source } of notes) {
      const note = parsed(source);
      expect(note.python, name).toBe(SNIPPETS_PER_NOTE);
      expect(note.tables, name).toBe(1);
      expect(note.urls, name).toHaveLength(LINKS_PER_NOTE);
      expect(note.words, name).toBeGreaterThanOrEqual(WORDS_PER_NOTE * 0.85);
      expect(note.words, name).toBeLessThanOrEqual(WORDS_PER_NOTE * 1.15);
      expect(source, name).not.toMatch(/^```python[ \t]+\S/m);
    }
  });

  it('links to other notes only when they exist', () => {
    const slugs = new Set(notes.map((note) => note.name.replace(/\.md$/, '')));
    for (const { name, source } of notes) {
      for (const link of parsed(source).relative)
        expect(slugs.has(link.replace(/^\.\.\/([^/]+)\/$/, '$1')), `${name}: ${link}`).toBe(true);
    }
  });

  it('has a reference entry for every outbound link, matched the way the build matches them', () => {
    const match = referenceMatcher(references.map((reference) => ({ data: reference })));
    for (const { name, source } of notes) {
      for (const url of parsed(source).urls) expect(match(url), `${name}: ${url}`).toBeDefined();
    }
  });

  it('shares a pool of pages across notes, adds a few of each note’s own, and lists no page nobody cites', () => {
    const cited = new Map<string, number>();
    for (const { source } of notes) {
      for (const url of parsed(source).urls.map(withoutFragment)) cited.set(url, (cited.get(url) ?? 0) + 1);
    }
    const replacements = new Set(references.map((reference) => reference.replacedBy));
    const uncited = references.filter(
      (reference) => !cited.has(withoutFragment(reference.url)) && !replacements.has(reference.id),
    );
    expect(uncited.map((reference) => reference.id)).toEqual([]);
    expect(references.length).toBeGreaterThanOrEqual(200);
    expect(references.length).toBeLessThanOrEqual(300 + 2 * COUNT);
    expect(Math.max(...cited.values())).toBeGreaterThan(3);
    expect([...cited.values()].filter((times) => times === 1).length).toBeGreaterThan(COUNT / 2);
  });

  it('writes references the schema accepts, with no duplicate ids or URLs', () => {
    const ids = new Set(references.map((reference) => reference.id));
    expect(ids.size).toBe(references.length);
    expect(new Set(references.map((reference) => normalizeUrl(reference.url))).size).toBe(references.length);
    for (const reference of references) {
      expect(reference.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(URL.canParse(reference.url) && /^https:$/.test(new URL(reference.url).protocol)).toBe(true);
      expect(REFERENCE_KINDS).toContain(reference.kind);
      expect(Number.isInteger(reference.year) && reference.year >= 1970 && reference.year <= 2100).toBe(true);
      expect(reference.title.trim().length).toBeGreaterThan(0);
      expect(reference.author.trim().length).toBeGreaterThan(0);
      expect(reference.summary.length).toBeLessThanOrEqual(200);
      if (reference.python !== undefined) expect(reference.python).toMatch(/^3\.\d{1,2}$/);
      if (reference.replacedBy !== undefined) expect(ids.has(reference.replacedBy)).toBe(true);
    }
  });

  it('writes frontmatter the schema accepts: real dates, known tags, titles and summaries within limits', () => {
    for (const { name, source } of notes) {
      const frontmatter = readFrontmatter(source, name);
      if ('message' in frontmatter) throw new Error(`${name}: ${frontmatter.message}`);
      const data = frontmatter.data as {
        title: string;
        summary: string;
        tags: string[];
        published: string;
        updated?: string;
        python?: string;
        draft?: boolean;
      };
      for (const field of Object.keys(data)) expect(FRONTMATTER_FIELDS.has(field), `${name}: ${field}`).toBe(true);
      expect(data.title.trim().length).toBeGreaterThan(0);
      expect(data.title.length).toBeLessThanOrEqual(90);
      expect(data.summary.trim().length).toBeGreaterThan(0);
      expect(data.summary.length).toBeLessThanOrEqual(200);
      expect(data.tags.length).toBeGreaterThan(0);
      for (const tag of data.tags) expect(tagIds.has(tag), `${name}: ${tag}`).toBe(true);
      expect(isCalendarDate(data.published), `${name}: ${data.published}`).toBe(true);
      if (data.updated !== undefined) {
        expect(isCalendarDate(data.updated)).toBe(true);
        expect(data.updated > data.published).toBe(true);
      }
      if (data.python !== undefined) expect(data.python).toMatch(/^3\.\d{1,2}$/);
      expect(data.draft ?? false).toBe(false);
    }
  });
});
