import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { select } from 'hast-util-select';
import { describe, expect, inject, it } from 'vitest';
import { revisionsOfWorker } from '../src/lib/offline/service-worker';
import { PROJECT_ROOT } from './helpers/build-site';
import { attr, readPage, textOf } from './helpers/html';

const build = { outDir: inject('fixtureSite') };

describe('a note page', () => {
  it('has the note title as its only h1, in the document title, and its summary as meta description', async () => {
    const page = await readPage(build.outDir, 'notes/alpha');
    expect(page.all('h1').map(textOf)).toEqual(['Alpha: gather two coroutines']);
    expect(page.text('title')).toContain('Alpha: gather two coroutines');
    expect(attr(page.one('meta[name="description"]'), 'content')).toBe(
      'A fixture note with a runnable snippet and GFM features.',
    );
    expect(attr(page.one('link[rel="canonical"]'), 'href')).toBe('https://pyconcurrency.example.org/notes/alpha/');
    expect(attr(page.one('html'), 'lang')).toBe('en');
    expect(page.one('main')).toBeDefined();
  });

  it('says how long it takes to read, in .md and .mdx notes alike', async () => {
    for (const path of ['notes/alpha', 'notes/beta']) {
      const page = await readPage(build.outDir, path);
      expect(page.text('.note__header .meta')).toMatch(/· 1 min read/);
    }
  });

  it('links each of its tags to the tag page', async () => {
    const page = await readPage(build.outDir, 'notes/beta');
    const tagLinks = page.all('.note__header .tag-list a').map((a) => [textOf(a), attr(a, 'href')]);
    expect(tagLinks).toEqual([
      ['asyncio', '/tags/asyncio/'],
      ['threads', '/tags/threads/'],
    ]);
    for (const [, href] of tagLinks) expect(existsSync(join(build.outDir, String(href), 'index.html'))).toBe(true);
  });

  it('colours python tokens at build time with both themes, through classes the site CSS defines', async () => {
    const page = await readPage(build.outDir, 'notes/alpha');
    const code = page.one('pre.astro-code');
    expect(attr(code, 'dataLanguage') ?? page.html).toContain('python');
    const keyword = page.all('pre.astro-code span').find((span) => textOf(span) === 'import');
    expect(attr(keyword, 'className')).toMatch(/^sl-[0-9a-f]{6} sd-[0-9a-f]{6}$/);
    const classes = new Set(
      page.all('pre.astro-code, pre.astro-code span').flatMap((el) => (attr(el, 'className') ?? '').split(' ')),
    );
    const colours = [...classes].filter((name) => /^s[ld]b?-/.test(name));
    expect(colours.length).toBeGreaterThan(4);
    const css = (
      await Promise.all(
        page
          .all('link[rel="stylesheet"]')
          .map((link) => readFile(join(build.outDir, String(attr(link, 'href'))), 'utf8')),
      )
    ).join('');
    expect(colours.filter((name) => !css.includes(`.${name}{`))).toEqual([]);
    expect(page.all('[style]')).toEqual([]);
    expect(page.all('script').filter((script) => !attr(script, 'src'))).toEqual([]);
  });

  it.each(['notes/alpha', 'notes/beta'])('%s renders tables, task lists, footnotes and autolinks', async (path) => {
    const page = await readPage(build.outDir, path);
    expect(page.one('.prose table th')).toBeDefined();
    expect(page.one('.prose input[type="checkbox"][checked]')).toBeDefined();
    expect(page.one('.prose section.footnotes, .prose [data-footnotes]')).toBeDefined();
    expect(page.all('.prose a').some((a) => /^https:\/\/(docs|peps)\.python\.org\//.test(attr(a, 'href') ?? ''))).toBe(
      true,
    );
  });
});

describe('code blocks in the built page', () => {
  it('carry a title bar, the ran-on mark, a copy button, and show output as output', async () => {
    const page = await readPage(build.outDir, 'notes/alpha');
    const [, output] = page.all('.prose figure.code-block');
    expect(page.text('.prose figure.code-block .code-block__title')).toBe('gather.py');
    expect(page.text('.prose figure.code-block .code-block__ran')).toBe('Ran on Python 3.11 · 3.14');
    expect(page.one('.prose figure.code-block button.copy-button[type="button"]')).toBeDefined();
    expect(attr(output, 'className')).toBe('code-block code-block--output');
    const outputSpans = page.all('.prose figure.code-block--output pre span');
    expect(outputSpans.length).toBeGreaterThan(0);
    // Output is plain text: no token takes another colour than the theme's text colour.
    expect(outputSpans.filter((span) => /\bsl-(?!1f2328)/.test(attr(span, 'className') ?? ''))).toEqual([]);
  });

  it('get the same title bar and colours in an MDX note, which another Markdown processor renders', async () => {
    const page = await readPage(build.outDir, 'notes/beta');
    expect(page.text('.prose figure.code-block .code-block__title')).toBe('which_thread.py');
    expect(page.one('.prose figure.code-block button.copy-button[type="button"]')).toBeDefined();
    const keyword = page.all('pre.astro-code span').find((span) => textOf(span) === 'import');
    expect(attr(keyword, 'className')).toMatch(/^sl-[0-9a-f]{6} sd-[0-9a-f]{6}$/);
  });

  it('load one script, as a file, that makes the copy buttons work and keeps reading progress', async () => {
    const page = await readPage(build.outDir, 'notes/alpha');
    const scripts = page.all('script');
    expect(scripts).toHaveLength(1);
    const code = await readFile(join(build.outDir, String(attr(scripts[0], 'src'))), 'utf8');
    expect(code).toContain('button[data-copy]');
    expect(code).toContain('pcn:read');
    // What only lists of notes show (read marks, progress, a path's next step) stays off note pages.
    expect(code).not.toContain('data-next-unread');
    for (const script of scripts) {
      expect(attr(script, 'src')).toMatch(/^\/_astro\/.*\.js$/);
      expect(attr(script, 'type')).toBe('module');
    }
  });
});

describe('tag pages', () => {
  it('list exactly the published notes carrying the tag, newest first', async () => {
    const asyncio = await readPage(build.outDir, 'tags/asyncio');
    expect(asyncio.all('.note-list .note-card__title a').map(textOf)).toEqual([
      'Beta: a thread per blocking call',
      'Alpha: gather two coroutines',
    ]);
    const threads = await readPage(build.outDir, 'tags/threads');
    expect(threads.all('.note-list .note-card__title a').map(textOf)).toEqual(['Beta: a thread per blocking call']);
  });

  it('the tag index shows every tag with its description and count', async () => {
    const page = await readPage(build.outDir, 'tags');
    expect(page.all('.tag-index h2').map(textOf)).toEqual(['asyncio 2 notes', 'threads 1 note']);
    expect(page.all('.tag-index p').map(textOf)).toEqual([
      'The event loop, coroutines and tasks.',
      'Threads, locks and the thread pool.',
    ]);
  });
});

describe('drafts', () => {
  it('produce no page and appear in no list', async () => {
    expect(existsSync(join(build.outDir, 'notes/gamma-draft'))).toBe(false);
    const home = await readPage(build.outDir, '/');
    expect(home.html).not.toContain('Gamma');
    expect(home.all('.note-list .note-card__title a').map((a) => attr(a, 'href'))).toEqual([
      '/notes/beta/',
      '/notes/alpha/',
    ]);
  });
});

describe('what each note was checked against', () => {
  const log = inject('fixtureSiteLog');

  it('says so under the title of a current note', async () => {
    const page = await readPage(build.outDir, 'notes/alpha');
    expect(page.text('.note__header .checked')).toBe('Checked against Python 3.15 · 30 Nov 2026');
    expect(page.one('.note__header .checked--due')).toBeUndefined();
  });

  it(
    'marks a note checked against an older Python than the docs as due for review, on its page and in the build ' +
      'log',
    async () => {
      const page = await readPage(build.outDir, 'notes/beta');
      expect(page.text('.note__header .checked--due')).toBe(
        'Due for review: last checked against Python 3.14 on 1 Oct 2026; the current docs are for Python 3.15.',
      );
      expect(log).toContain('1 note is due for review against the Python 3.15 docs');
      expect(log).toMatch(/- beta: checked against Python 3\.14\n/);
      expect(log).not.toMatch(/- alpha: checked against/);
    },
  );

  it('tells feed readers and the JSON export too', async () => {
    const feed = await readFile(join(build.outDir, 'rss.xml'), 'utf8');
    expect(feed).toContain('Checked against Python 3.14 on 1 Oct 2026.');
    const exported = JSON.parse(await readFile(join(build.outDir, 'references.json'), 'utf8')) as {
      notes: Array<{ slug: string; checked: unknown }>;
    };
    // Newest first, as the site lists them.
    expect(exported.notes.map(({ slug, checked }) => [slug, checked])).toEqual([
      ['beta', { python: '3.14', on: '2026-10-01' }],
      ['alpha', { python: '3.15', on: '2026-11-30' }],
    ]);
  });
});

describe('reading paths', () => {
  it('lists every path on /paths/ with its steps in order and why each comes there', async () => {
    const page = await readPage(build.outDir, 'paths');
    expect(page.all('.reading-path h2').map(textOf)).toEqual(['Start here (2 notes)']);
    const steps = page.all('.reading-path .path-steps > li');
    expect(steps.map((li) => [textOf(select('a', li) ?? li), textOf(select('p', li) ?? li)])).toEqual([
      ['Alpha: gather two coroutines', 'Coroutines side by side with gather.'],
      ['Beta: a thread per blocking call', 'The same ideas written in MDX.'],
    ]);
    expect(page.all('.reading-path .path-steps a').map((a) => attr(a, 'href'))).toEqual([
      '/notes/alpha/',
      '/notes/beta/',
    ]);
  });

  it('shows a note its place in the path, with the next and previous steps', async () => {
    const alpha = await readPage(build.outDir, 'notes/alpha');
    expect(alpha.text('.path-nav__place')).toBe('Step 1 of 2 in Start here');
    expect(attr(alpha.one('.path-nav__place a'), 'href')).toBe('/paths/#path-start-here');
    expect(alpha.one('.path-nav__previous')).toBeUndefined();
    expect(alpha.text('.path-nav__next')).toBe('Next Beta: a thread per blocking call');
    const beta = await readPage(build.outDir, 'notes/beta');
    expect(beta.text('.path-nav__place')).toBe('Step 2 of 2 in Start here');
    expect(attr(beta.one('.path-nav__previous a'), 'href')).toBe('/notes/alpha/');
    expect(beta.one('.path-nav__next')).toBeUndefined();
  });

  it('lists the real paths in the order of content/paths.yaml, and offers the first at home', async () => {
    const real = inject('realSite');
    const written = [...(await readFile(join(PROJECT_ROOT, 'content/paths.yaml'), 'utf8')).matchAll(/^- id: (\S+)$/gm)];
    const ids = written.map(([, id]) => `path-${id}`);
    expect(ids.length).toBeGreaterThan(1);
    expect((await readPage(real, 'paths')).all('.reading-path > h2').map((path) => attr(path, 'id'))).toEqual(ids);
    // The home page offers the first path: its first step is the first step listed on /paths/.
    const home = await readPage(real, '');
    const firstStep = attr((await readPage(real, 'paths')).one('.reading-path .path-steps a'), 'href');
    expect(firstStep).toBeDefined();
    expect(attr(home.one('.start-here .path-steps a'), 'href')).toBe(firstStep);
  });

  it('offers the first path on the home page, before the list of notes', async () => {
    const page = await readPage(build.outDir, '');
    expect(page.all('main h2').map(textOf)).toEqual(['Start here', 'All notes, newest first']);
    expect(page.all('.start-here .path-steps a').map((a) => attr(a, 'href'))).toEqual([
      '/notes/alpha/',
      '/notes/beta/',
    ]);
  });
});

describe('links to headings that hold a link', () => {
  it('land on the heading: its id is made from its visible text, in .md and .mdx notes alike', async () => {
    const beta = await readPage(build.outDir, 'notes/beta');
    expect(attr(beta.one('h2#about-pep-525'), 'id')).toBe('about-pep-525');
    expect(beta.text('h2#about-pep-525')).toBe('About PEP 525');
    const alpha = await readPage(build.outDir, 'notes/alpha');
    expect(
      attr(
        alpha.all('.prose a').find((a) => textOf(a) === 'in beta'),
        'href',
      ),
    ).toBe('../beta/#about-pep-525');
    expect(attr(alpha.one('h2#code'), 'id')).toBe('code');
  });
});

describe('API facts', () => {
  it('mark an API newer than the oldest supported Python, and a deprecated one, after its link', async () => {
    const page = await readPage(build.outDir, 'notes/alpha');
    expect(page.all('.prose .api-mark').map(textOf)).toEqual(['3.11+', 'deprecated 3.14, removed in 3.16']);
    expect(page.all('.prose .api-mark--deprecated')).toHaveLength(1);
    expect(page.html).toContain('<code>asyncio.TaskGroup</code></a><span class="api-mark">3.11+</span>');
  });

  it('list what each release changed on /changes/, linked to the docs and to the notes', async () => {
    const page = await readPage(build.outDir, 'changes');
    expect(page.all('main h2[id^="python-"]').map(textOf)).toEqual([
      'Python 3.15',
      'Python 3.14',
      'Python 3.13',
      'Python 3.12',
      'Python 3.11',
      'Python 3.10',
      'Python 3.9',
      'Python 3.8',
    ]);
    const added315 = page.all('#python-3-15 ~ .change-list li').map(textOf);
    expect(added315.some((item) => item.startsWith('asyncio.TaskGroup.cancel'))).toBe(true);
    const cancel = page.all('.change-list a').find((a) => textOf(a).startsWith('asyncio.TaskGroup.cancel'));
    expect(attr(cancel, 'href')).toBe('https://docs.python.org/3/library/asyncio-task.html#asyncio.TaskGroup.cancel');
    // No fixture note names TaskGroup.cancel: a 3.15 addition no note covers.
    expect(page.text('.change-list li:has(a[href$="#asyncio.TaskGroup.cancel"])')).toContain('not covered yet');
    // alpha names TaskGroup, added in 3.11: listed with its note.
    expect(page.text('.change-list li:has(a[href$="#asyncio.TaskGroup"])')).toContain('Alpha: gather two coroutines');
  });

  it('are linked from the home page and every tag page', async () => {
    for (const path of ['', 'tags/asyncio']) {
      const page = await readPage(build.outDir, path);
      expect(page.all('a[href="/changes/"]').length, path).toBeGreaterThan(0);
    }
  });

  it('travel with each API in references.json', async () => {
    const exported = JSON.parse(await readFile(join(build.outDir, 'references.json'), 'utf8')) as {
      apis: Array<{ name: string }>;
    };
    expect(exported.apis).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'asyncio.TaskGroup', added: '3.11' }),
        expect.objectContaining({ name: 'asyncio.set_event_loop_policy', deprecated: '3.14', removal: '3.16' }),
      ]),
    );
  });
});

describe('offline reading', () => {
  const real = inject('realSite');

  // What a first visit costs a reader: the bytes sent (hosts compress text) and the bytes kept.
  it('precaches every page a reader browses, within 1 MB sent and 4 MB kept for today’s content', async () => {
    const urls = [...revisionsOfWorker(await readFile(join(real, 'sw.js'), 'utf8')).keys()];
    const files = urls.map((url) => join(real, url.endsWith('/') ? `${url}index.html` : url));
    expect(urls).toEqual(
      expect.arrayContaining([
        '/',
        '/notes/what-the-gil-blocks/',
        '/errors/',
        '/errors/event-loop-is-closed/',
        '/offline/',
        '/paths/',
        '/references/',
      ]),
    );
    expect(urls.some((url) => url.includes('pagefind') || url.startsWith('/search/'))).toBe(false);
    const bytes = await Promise.all(files.map((path) => readFile(path)));
    const total = (sizes: number[]) => sizes.reduce((sum, size) => sum + size, 0);
    expect(total(bytes.map((file) => gzipSync(file).length))).toBeLessThanOrEqual(1024 * 1024);
    expect(total(bytes.map((file) => file.length))).toBeLessThanOrEqual(4 * 1024 * 1024);
  });
});
