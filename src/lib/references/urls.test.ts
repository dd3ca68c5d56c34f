import { describe, expect, it } from 'vitest';
import { domainOf, normalizeUrl, referenceKeys } from './urls';

describe('normalizeUrl', () => {
  it.each([
    ['HTTPS://Docs.Python.org/3/library/', 'https://docs.python.org/3/library'],
    ['https://docs.python.org:443/3/', 'https://docs.python.org/3'],
    [
      'https://peps.python.org/pep-0525/#asynchronous-generators',
      'https://peps.python.org/pep-0525#asynchronous-generators',
    ],
    ['https://example.com', 'https://example.com/'],
    ['https://example.com/', 'https://example.com/'],
    ['https://example.com/a?', 'https://example.com/a'],
    ['https://example.com/a#', 'https://example.com/a'],
    ['https://www.youtube.com/watch?v=abc&list=x', 'https://www.youtube.com/watch?v=abc&list=x'],
    ['  https://example.com/x  ', 'https://example.com/x'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });

  it('keeps http and https apart: they are different addresses', () => {
    expect(normalizeUrl('http://masnun.rocks/')).not.toBe(normalizeUrl('https://masnun.rocks/'));
  });
});

describe('referenceKeys', () => {
  it('tries the exact URL before the page it points into', () => {
    expect(referenceKeys('https://docs.python.org/3/library/asyncio-task.html#task-groups')).toEqual([
      'https://docs.python.org/3/library/asyncio-task.html#task-groups',
      'https://docs.python.org/3/library/asyncio-task.html',
    ]);
  });
  it('has a single key for a URL without fragment', () => {
    expect(referenceKeys('https://vorpus.org/blog/x/')).toEqual(['https://vorpus.org/blog/x']);
  });
});

describe('domainOf', () => {
  it.each([
    ['https://www.youtube.com/watch?v=1', 'youtube.com'],
    ['https://Docs.Python.org/3/', 'docs.python.org'],
  ])('%s -> %s', (url, expected) => {
    expect(domainOf(url)).toBe(expected);
  });
});
