import { describe, expect, it } from 'vitest';
import { linesBeforeBody } from './source-lines';

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
