import { describe, expect, it } from 'vitest';
import { elementFragment, hasFragment } from './page-fragments';

describe('hasFragment reads the HTML, not its text', () => {
  it.each([
    ['<div id="x"></div>', 'x', true],
    ['<a name="x"></a>', 'x', true],
    ['<div name="x"></div>', 'x', false],
    ['<p>id="x"</p>', 'x', false],
    ['<!-- <div id="x"></div> -->', 'x', false],
    ['<div id="a b"></div>', 'a%20b', true],
    ['<div id="100%"></div>', '100%', true],
    ['<h2 id="user-content-install">Install</h2>', 'install', true],
  ])('%s has #%s: %s', (html, fragment, expected) => {
    expect(hasFragment(html, fragment)).toBe(expected);
  });
});

describe('elementFragment', () => {
  it.each([
    ['https://docs.python.org/3/library/asyncio.html#module-asyncio', 'module-asyncio'],
    ['https://docs.python.org/3/library/asyncio.html', undefined],
    ['https://example.org/page#:~:text=event%20loop', undefined],
    ['https://example.org/page#intro:~:text=loop', 'intro'],
  ])('%s points at %s', (url, expected) => {
    expect(elementFragment(url)).toBe(expected);
  });
});
