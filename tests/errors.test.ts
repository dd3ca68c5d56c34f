/** The error entries of the fixture content as built pages: the index, one page per message, search data. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { selectAll } from 'hast-util-select';
import { describe, expect, inject, it } from 'vitest';
import type { ErrorPattern } from '../src/lib/errors/pasted';
import { matchPastedError } from '../src/lib/errors/pasted';
import { attr, readPage, textOf } from './helpers/html';

const outDir = inject('fixtureSite');

describe('an error entry’s page', () => {
  it('has the message as Python prints it for its title and only h1, placeholders shown as …', async () => {
    const page = await readPage(outDir, 'errors/no-current-event-loop');
    expect(page.all('h1').map(textOf)).toEqual(["RuntimeError: There is no current event loop in thread '…'."]);
    expect(page.text('title')).toMatch(/^RuntimeError: There is no current event loop in thread '…'\. · /);
    expect(attr(page.one('meta[name="description"]'), 'content')).toBe(
      'asyncio.get_event_loop() was called where no event loop is running or set.',
    );
    expect(attr(page.one('h1'), 'dataPagefindWeight')).toBe('10');
  });

  it('names the class and the module with links to their docs', async () => {
    const page = await readPage(outDir, 'errors/event-loop-is-closed');
    const links = page.all('.error-entry__kind a').map((link) => [textOf(link), attr(link, 'href')]);
    expect(links).toEqual([
      ['Error messages', '/errors/'],
      ['RuntimeError', 'https://docs.python.org/3/library/exceptions.html#RuntimeError'],
      ['asyncio', 'https://docs.python.org/3/library/asyncio.html#module-asyncio'],
    ]);
  });

  it('says by message on which Pythons a run printed it, and "Not reproduced yet" where none did', async () => {
    const page = await readPage(outDir, 'errors/no-current-event-loop');
    const versions = page.all('.error-versions li').map((item) => selectAll('p', item).map(textOf));
    expect(versions).toEqual([
      ['Python 3.14 and newer', "RuntimeError: There is no current event loop in thread '…'.", 'Seen on Python 3.14'],
      ['Python 3.12 to 3.13', 'DeprecationWarning: There is no current event loop', 'Not reproduced yet'],
    ]);
    // The records say the snippet of the older message never ran: its mark says so too.
    expect(page.all('.prose .code-block__ran, .prose .code-block__unrun').map(textOf)).toEqual([
      'Ran on Python 3.14',
      'Not run yet',
    ]);
  });

  it('lists the notes to read next and the references its links cite', async () => {
    const page = await readPage(outDir, 'errors/event-loop-is-closed');
    expect(page.text('#related-heading')).toBe('Read next');
    expect(page.all('.related a').map((link) => attr(link, 'href'))).toEqual(['/notes/alpha/']);
    expect(page.all('.prose a').map((link) => attr(link, 'href'))).toContain('../no-current-event-loop/#how-to-fix-it');
  });
});

describe('the errors page', () => {
  it('lists every message by module, linked to its page, with where it was seen', async () => {
    const page = await readPage(outDir, 'errors');
    expect(page.all('main h2:not(.visually-hidden)').map(textOf)).toEqual(['asyncio']);
    const items = page
      .all('.error-list li')
      .map((item) => [attr(selectAll('a', item)[0], 'href'), ...selectAll('a, p', item).map(textOf)]);
    expect(items).toEqual([
      [
        '/errors/event-loop-is-closed/',
        'RuntimeError: Event loop is closed',
        'Work was handed to an event loop after it was closed.',
        'Seen on Python 3.11 · 3.14',
      ],
      [
        '/errors/no-current-event-loop/',
        "RuntimeError: There is no current event loop in thread '…'.",
        'asyncio.get_event_loop() was called where no event loop is running or set.',
        'Seen on Python 3.14',
      ],
    ]);
  });

  it('is linked from the home page and listed in the sitemap with every entry', async () => {
    const home = await readPage(outDir, '');
    expect(home.all('main a').map((link) => attr(link, 'href'))).toContain('/errors/');
    const sitemap = await readFile(join(outDir, 'sitemap-0.xml'), 'utf8');
    for (const path of ['errors/', 'errors/event-loop-is-closed/', 'errors/no-current-event-loop/'])
      expect(sitemap).toContain(`<loc>https://pyconcurrency.example.org/${path}</loc>`);
  });
});

describe('the search page', () => {
  it('carries every message’s pattern, which finds the entry in a pasted traceback with names of its own', async () => {
    const page = await readPage(outDir, 'search');
    const data = page.one('script#error-patterns');
    expect(attr(data, 'type')).toBe('application/json');
    const patterns = JSON.parse(textOf(data as never)) as ErrorPattern[];
    expect(patterns.map((pattern) => pattern.slug).sort()).toEqual(['event-loop-is-closed', 'no-current-event-loop']);
    const pasted =
      'Traceback (most recent call last):\n  File "/srv/app.py", line 8, in <module>\n' +
      "RuntimeError: There is no current event loop in thread 'Thread-3 (worker)'.";
    expect(matchPastedError(pasted, patterns).map((match) => match.slug)).toEqual(['no-current-event-loop']);
    expect(matchPastedError('/srv/app.py:3: DeprecationWarning: There is no current event loop', patterns)).toEqual([
      { slug: 'no-current-event-loop', title: "RuntimeError: There is no current event loop in thread '…'." },
    ]);
  });
});
