import { describe, expect, it } from 'vitest';
import { formatProblem } from './content-errors';
import { checkNoteSources } from './note-sources';

const context = { tagIds: new Set(['asyncio']) };
const ok = (file: string) => ({ file, text: '---\ntitle: T\ntags: [asyncio]\npublished: 2026-01-02\n---\nBody\n' });

describe('checkNoteSources', () => {
  it('passes a well-formed set of notes', () => {
    expect(checkNoteSources([ok('content/notes/a.md'), ok('content/notes/b.mdx')], context)).toEqual([]);
  });

  it('refuses an empty notes folder', () => {
    expect(checkNoteSources([], context).map(formatProblem)).toEqual([
      'content/notes/: holds no notes: add at least one `.md` or `.mdx` file',
    ]);
  });

  it('refuses two files with the same name in different folders, naming both', () => {
    const [problem] = checkNoteSources([ok('content/notes/a/gil.md'), ok('content/notes/b/gil.mdx')], context);
    expect(problem?.file).toBe('content/notes/b/gil.mdx');
    expect(problem?.message).toContain('content/notes/a/gil.md');
    expect(problem?.message).toContain('/notes/gil/');
  });

  it('collects every problem of every file at once', () => {
    const bad = { file: 'content/notes/bad.md', text: '---\ntags: [nope]\npublished: 2024-13-40\n---\n' };
    expect(checkNoteSources([bad], context).map((p) => p.field)).toEqual(['published', 'tags']);
  });
});
