import { describe, expect, it } from 'vitest';
import { readingMinutes, tableOfContents } from './reading';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('readingMinutes', () => {
  it.each([
    ['', 1],
    [words(100), 1],
    [words(440), 2],
    [words(900), 4],
  ])('%#: prose only', (text, minutes) => {
    expect(readingMinutes(text)).toBe(minutes);
  });

  it('counts code more slowly than prose', () => {
    const code = `\`\`\`python\n${words(220)}\n\`\`\``;
    expect(readingMinutes(`${words(220)}\n\n${code}\n`)).toBe(3);
  });

  it('ignores markup that is not words', () => {
    expect(readingMinutes(`## --- | --- | *** ${words(220)}`)).toBe(1);
  });
});

describe('tableOfContents', () => {
  const h = (depth: number, text: string) => ({ depth, text, id: text.toLowerCase().replace(/\s+/g, '-') });

  it('nests h3 under their h2 and skips other levels', () => {
    const toc = tableOfContents([
      h(2, 'Why it matters'),
      h(3, 'A detail'),
      h(4, 'Too deep'),
      h(2, 'The answer'),
      h(2, 'Read next'),
    ]);
    expect(toc).toEqual([
      { slug: 'why-it-matters', text: 'Why it matters', children: [{ slug: 'a-detail', text: 'A detail' }] },
      { slug: 'the-answer', text: 'The answer', children: [] },
      { slug: 'read-next', text: 'Read next', children: [] },
    ]);
  });

  it('is empty for a note with fewer than three sections', () => {
    expect(tableOfContents([h(2, 'One'), h(3, 'Sub'), h(2, 'Two')])).toEqual([]);
  });
});
