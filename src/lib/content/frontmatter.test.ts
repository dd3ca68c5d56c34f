import { describe, expect, it } from 'vitest';
import { linesBeforeBody, splitFrontmatter } from './frontmatter';

describe('linesBeforeBody', () => {
  it.each([
    ['a .md note: frontmatter and the blank lines after it', '---\ntitle: X\ntags: [a]\n---\n\nBody\n', 'x.md', 5],
    ['a .md note with its body right after the frontmatter', '---\ntitle: X\n---\nBody\n', 'x.md', 3],
    ['a .md note with CRLF line ends', '---\r\ntitle: X\r\n---\r\n\r\nBody\r\n', 'x.md', 4],
    ['an .mdx note, which the processor reads whole', '---\ntitle: X\n---\n\nBody\n', 'x.mdx', 0],
    ['a note without frontmatter', 'Body\n', 'x.md', 0],
  ])('%s', (_name, source, file, lines) => {
    expect(linesBeforeBody(source, file)).toBe(lines);
  });
});

describe('splitFrontmatter', () => {
  it('finds the block where Astro does, and blanks it without moving a line', () => {
    const split = splitFrontmatter('---\ntitle: X\n---\n\nBody\n');
    expect(split).toEqual({ raw: '\ntitle: X\n', fenceLine: 1, body: '\n\n\n\nBody\n', linesBeforeMarkdown: 4 });
  });

  it('takes a closing fence Astro takes, and none from a file without a block', () => {
    expect(splitFrontmatter('---\ntitle: X\n---\nBody')?.body).toBe('\n\n\nBody');
    expect(splitFrontmatter('Body\n---\nmore\n---\n')).toBeUndefined();
  });
});
