import { describe, expect, it } from 'vitest';
import { formatProblem } from '../content/errors';
import { checkNoteSources, sourceFingerprint, unclosedFenceLine } from './source-checks';

const ok = (file: string) => ({ file, text: '---\ntitle: T\ntags: [asyncio]\npublished: 2026-01-02\n---\nBody\n' });

describe('checkNoteSources', () => {
  it('passes a well-formed set of notes', () => {
    expect(checkNoteSources([ok('content/notes/a.md'), ok('content/notes/b.mdx')])).toEqual([]);
  });

  it('refuses an empty notes folder', () => {
    expect(checkNoteSources([]).map(formatProblem)).toEqual([
      'content/notes/: holds no notes: add at least one `.md` or `.mdx` file',
    ]);
  });

  it('refuses two files with the same name in different folders, naming both', () => {
    const [problem] = checkNoteSources([ok('content/notes/a/gil.md'), ok('content/notes/b/gil.mdx')]);
    expect(problem?.file).toBe('content/notes/b/gil.mdx');
    expect(problem?.message).toContain('content/notes/a/gil.md');
    expect(problem?.message).toContain('/notes/gil/');
  });

  it('collects every problem of every file at once', () => {
    const bad = {
      file: 'content/notes/bad.md',
      text: '---\npublished: 2024-13-40\nupdated: 2024-02-30\n---\n```python\nx = 1\n',
    };
    expect(checkNoteSources([bad]).map((p) => [p.line, p.field])).toEqual([
      [2, 'published'],
      [3, 'updated'],
      [5, undefined],
    ]);
  });
});

describe('checkNoteSources after an earlier build', () => {
  const bad = { file: 'content/notes/bad.md', text: '---\npublished: 2024-13-40\n---\nBody\n' };
  const earlier = (source: typeof bad, salt = 'inputs-1') => new Set([sourceFingerprint(source, salt)]);

  it('does not read again a file whose exact text was seen to pass', () => {
    expect(checkNoteSources([bad], earlier(bad), 'inputs-1')).toEqual([]);
  });

  it('checks the file again once its text or the checks changed', () => {
    const edited = { ...bad, text: `${bad.text}More\n` };
    expect(checkNoteSources([edited], earlier(bad), 'inputs-1').map((p) => p.field)).toEqual(['published']);
    expect(checkNoteSources([bad], earlier(bad), 'inputs-2').map((p) => p.field)).toEqual(['published']);
  });

  it('still checks the set as a whole', () => {
    const twin = { file: 'content/notes/other/bad.md', text: bad.text };
    const problems = checkNoteSources([bad, twin], new Set([sourceFingerprint(bad), sourceFingerprint(twin)]));
    expect(problems.map((p) => p.file)).toEqual(['content/notes/other/bad.md']);
  });
});

describe('unclosedFenceLine', () => {
  it.each([
    ['```python\nprint(1)\n```\n', undefined],
    ['~~~\ncode\n~~~\n', undefined],
    ['````md\n```python\nx\n```\n````\n', undefined],
    ['  ```python\n  x = 1\n  ```\n', undefined],
    ['Text\n\n```python\nprint(1)\n\n## Next section\n', 3],
    ['```python\nx\n~~~\n', 1],
    ['````\nx\n```\n', 1],
    ['```\nx\n```python\nprint(1)\n```\n', 1],
    ['Text\n\n```python\nx = 1\n\n## Later\n\n```python run\nprint(2)\n```\n', 3],
    ['````md\n```python\nx\n```\n````\n', undefined],
    ['Inline ```code``` is not a fence\n', undefined],
  ])('%j -> %s', (text, line) => {
    expect(unclosedFenceLine(text)).toBe(line);
  });
});
