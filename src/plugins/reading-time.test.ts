import { expect, it } from 'vitest';
import { sourceReadingMinutes } from './reading-time';

it("leaves an .mdx note's frontmatter out of its reading time", () => {
  const frontmatter = `---\ntitle: A note\nsummary: ${'long summary '.repeat(300)}\n---\n`;
  expect(sourceReadingMinutes(`${frontmatter}${'word '.repeat(440)}`)).toBe(2);
  expect(sourceReadingMinutes('word '.repeat(440))).toBe(2);
});
