import { describe, expect, it } from 'vitest';
import { slugFromFileName } from './entry-files';

describe('slugFromFileName', () => {
  it.each([
    ['content/notes/the-gil.md', 'the-gil'],
    ['asyncio/task-groups.mdx', 'task-groups'],
    ['uvloop.md', 'uvloop'],
    ['folder\\windows.md', 'windows'],
  ])('%s -> %s', (input, expected) => {
    expect(slugFromFileName(input)).toBe(expected);
  });
});
