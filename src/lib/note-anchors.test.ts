import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { headingIds, headingLines, LAYOUT_ANCHORS, noteAnchors } from './note-anchors';

const fullParse = (markdown: string) => headingIds(unified().use(remarkParse).use(remarkGfm).parse(markdown.replace(/^---[\s\S]*?\n---\n/, '')));

describe('noteAnchors', () => {
  it('finds heading ids as Astro makes them, skipping frontmatter and code', () => {
    const markdown = '---\ntitle: "T"\nsummary: "S"\n---\n\n## Why it matters\n\n```python\n# not a heading\n```\n\n### Using `asyncio.TaskGroup`\n\nSetext heading\n--------------\n\n## Why it matters\n';
    expect([...noteAnchors(markdown)]).toEqual([...LAYOUT_ANCHORS, 'why-it-matters', 'using-asynciotaskgroup', 'setext-heading', 'why-it-matters-1']);
  });

  it('agrees with a full parse on every note of the site', async () => {
    const folder = join(import.meta.dirname, '../../content/notes');
    for (const file of await readdir(folder)) {
      const markdown = await readFile(join(folder, file), 'utf8');
      expect([...noteAnchors(markdown)].filter((id) => !(LAYOUT_ANCHORS as readonly string[]).includes(id)), file).toEqual([...fullParse(markdown)]);
    }
  });

  it('does not take a list item followed by a rule for a heading', () => {
    expect(headingLines('- item\n---\n')).toBe('');
  });
});
