import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readFrontmatter } from '../../src/lib/frontmatter';
import { isCalendarDate } from '../../src/lib/frontmatter';
import { referenceMatcher } from '../../src/lib/references';
import { generateContent, LINKS_PER_NOTE, noteMarkdown, referencesYaml, SNIPPETS_PER_NOTE, tagsYaml } from './generate-notes';

const words = (markdown: string) => markdown.replace(/^---[\s\S]*?---/, '').split(/\s+/).filter((word) => /\w/.test(word)).length;

describe('the synthetic notes', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(noteMarkdown(7, 1)).toBe(noteMarkdown(7, 1));
    expect(noteMarkdown(7, 2)).not.toBe(noteMarkdown(7, 1));
  });

  it.each([0, 1, 57, 999, 1999])('note %i looks like a real one: ~900 words, 3 snippets, a table, 12 links', (index) => {
    const markdown = noteMarkdown(index, 1);
    expect(words(markdown)).toBeGreaterThan(900 * 0.85);
    expect(words(markdown)).toBeLessThan(900 * 1.15);
    expect(markdown.match(/^```python$/gm)).toHaveLength(SNIPPETS_PER_NOTE);
    expect(markdown.match(/^\| --- \| --- \| --- \|$/gm)).toHaveLength(1);
    const inline = [...markdown.matchAll(/\]\((https:[^)]+)\)/g)].length;
    const definitions = [...markdown.matchAll(/^\[r\d+\]: https:/gm)].length;
    expect(inline + definitions).toBe(LINKS_PER_NOTE);
  });

  it('have valid frontmatter: real dates, known tags, titles and summaries within limits', () => {
    const tags = new Set(Object.keys(parseYaml(tagsYaml()) as object));
    for (const index of [0, 27, 28, 335, 1500]) {
      const frontmatter = readFrontmatter(noteMarkdown(index, 1), 'x.md');
      if ('message' in frontmatter) throw new Error(frontmatter.message);
      const { title, summary, published, tags: noteTags } = frontmatter.data as { title: string; summary: string; published: string; tags: string[] };
      expect(isCalendarDate(published)).toBe(true);
      expect(title.length).toBeLessThanOrEqual(90);
      expect(summary.length).toBeLessThanOrEqual(200);
      for (const tag of noteTags) expect(tags.has(tag)).toBe(true);
    }
  });

  it('link only to URLs that have a reference entry, with unique ids and URLs', () => {
    const references = parseYaml(referencesYaml()) as Array<{ id: string; url: string }>;
    expect(new Set(references.map((r) => r.id)).size).toBe(references.length);
    expect(new Set(references.map((r) => r.url)).size).toBe(references.length);
    const match = referenceMatcher(references.map((reference) => ({ ...reference, data: reference })));
    for (const index of [0, 1, 299, 1000]) {
      const markdown = noteMarkdown(index, 1);
      const urls = [...markdown.matchAll(/\]\((https:[^)]+)\)|^\[r\d+\]: (https:\S+)/gm)].map((m) => m[1] ?? m[2] ?? '');
      for (const url of urls) expect(match(url), url).toBeDefined();
    }
  });

  it('generateContent writes the notes, tags and references', async () => {
    const root = await mkdtemp(join(tmpdir(), 'bench-content-'));
    await generateContent(root, 12);
    expect((await readdir(join(root, 'notes'))).length).toBe(12);
    expect(await readFile(join(root, 'tags.yaml'), 'utf8')).toBe(tagsYaml());
  });
});
