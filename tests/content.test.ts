import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { withoutFrontmatter } from '../src/lib/content/frontmatter';
import { memoized } from '../src/lib/content/memo';
import { isOutboundUrl } from '../src/lib/references/links';
import { render, SITE } from '../src/plugins/__tests__/render';
import { PROJECT_ROOT } from './helpers/build-site';

const CONTENT = join(PROJECT_ROOT, 'content');
const site = inject('realSite');

interface Exported {
  references: Array<{ id: string; url: string; kind: string; citedBy: string[] }>;
}

async function noteSources(): Promise<Map<string, string>> {
  const files = (await readdir(join(CONTENT, 'notes'), { recursive: true })).filter((file) => /\.mdx?$/.test(file));
  return new Map(
    await Promise.all(files.map(async (file) => [file, await readFile(join(CONTENT, 'notes', file), 'utf8')] as const)),
  );
}

/** The outbound URLs of every note, as the site's plugins collect them and its classifier tells them. */
async function collectOutboundUrls(): Promise<string[]> {
  const notes = await noteSources();
  const rendered = await Promise.all(
    [...notes].map(([file, text]) => render(withoutFrontmatter(text), {}, join('content/notes', file))),
  );
  return rendered.flatMap(({ page }) =>
    page.links.filter((link) => isOutboundUrl(link.url, SITE)).map((link) => link.url),
  );
}

describe('the reading list', () => {
  it('has at least 15 notes, each with at least one python snippet unless it only lists links', async () => {
    const notes = await noteSources();
    expect(notes.size).toBeGreaterThanOrEqual(15);
    const withoutCode = [...notes].filter(([, text]) => !/^```python/m.test(text)).map(([file]) => file);
    expect(withoutCode).toEqual([]);
  });

  it('uses every tag on at least two notes', async () => {
    const tags = Object.keys(parseYaml(await readFile(join(CONTENT, 'tags.yaml'), 'utf8')) as object);
    const notes = [...(await noteSources()).values()];
    const lonely = tags.filter(
      (tag) => notes.filter((text) => new RegExp(`^tags: \\[.*\\b${tag}\\b.*\\]`, 'm').test(text)).length < 2,
    );
    expect(lonely).toEqual([]);
  });

  it('cites at least 60 distinct references, official documentation and PEPs first', async () => {
    const exported = JSON.parse(await readFile(join(site, 'references.json'), 'utf8')) as Exported;
    expect(exported.references.length).toBeGreaterThanOrEqual(60);
    expect(exported.references.slice(0, 2).map((reference) => reference.kind)).toEqual([
      'official-doc',
      'official-doc',
    ]);
    expect(
      exported.references.filter((reference) => reference.kind === 'official-doc' || reference.kind === 'pep').length,
    ).toBeGreaterThanOrEqual(30);
  });

  it('links docs.python.org fragments only to anchors that exist in the current docs', async () => {
    const inventory = JSON.parse(await readFile(join(CONTENT, 'python-inventory.json'), 'utf8')) as Record<
      string,
      Record<string, { page: string; anchor: string }>
    >;
    const sections = JSON.parse(await readFile(join(CONTENT, 'python-docs-sections.json'), 'utf8')) as {
      sections: Record<string, string[]>;
    };
    const known = new Set<string>();
    for (const group of ['objects', 'modules', 'glossary', 'labels']) {
      for (const { page, anchor } of Object.values(inventory[group] ?? {})) known.add(`${page}#${anchor}`);
    }
    for (const [page, anchors] of Object.entries(sections.sections))
      for (const anchor of anchors) known.add(`${page}#${anchor}`);
    const sources = [...(await noteSources()).values(), await readFile(join(CONTENT, 'references.yaml'), 'utf8')];
    const docsLinks = sources.flatMap((text) => [
      ...text.matchAll(/https:\/\/docs\.python\.org\/3\/([^\s)#'"]+)#([^\s)'"]+)/g),
    ]);
    expect(docsLinks.length).toBeGreaterThan(10);
    const unknown = docsLinks.map(([, page, anchor]) => `${page}#${anchor}`).filter((target) => !known.has(target));
    expect(unknown).toEqual([]);
  });
});

/**
 * Every link of the 2019 post this list grew from, and where it is linked today: the original
 * address where it still serves, otherwise its current home.
 */
const SEED_LINKS: Array<[seed: string, linkedAs: string]> = [
  ['https://aiohttp.readthedocs.io/en/stable/', 'https://docs.aiohttp.org/en/stable/'],
  [
    'https://docs.python.org/3/library/asyncio-task.html#example-parallel-execution-of-tasks',
    'https://docs.python.org/3/library/asyncio-task.html#running-tasks-concurrently',
  ],
  [
    'https://docs.python.org/3/library/asyncio-eventloop.html#executing-code-in-thread-or-process-pools',
    'https://docs.python.org/3/library/asyncio-eventloop.html#executing-code-in-thread-or-process-pools',
  ],
  [
    'https://www.python.org/dev/peps/pep-0525/#asynchronous-generators',
    'https://peps.python.org/pep-0525/#asynchronous-generators',
  ],
  [
    'http://masnun.rocks/2016/10/06/async-python-the-different-forms-of-concurrency/',
    'https://masnun.rocks/2016/10/06/async-python-the-different-forms-of-concurrency/',
  ],
  [
    'https://www.slideshare.net/MykolaNovik/how-to-deal-with-blocking-code-within-asyncio-event-loop',
    'https://github.com/jettify/kyivpy16',
  ],
  ['https://realpython.com/async-io-python/', 'https://realpython.com/async-io-python/'],
  [
    'https://stackoverflow.com/questions/14991710/is-concurrent-futures-a-medicine-of-the-gil',
    'https://stackoverflow.com/questions/14991710/is-concurrent-futures-a-medicine-of-the-gil',
  ],
  [
    'https://wiki.python.org/moin/GlobalInterpreterLock',
    'https://docs.python.org/3/glossary.html#term-global-interpreter-lock',
  ],
  ['https://stackabuse.com/python-async-await-tutorial/', 'https://stackabuse.com/python-async-await-tutorial/'],
  ['https://uvloop.readthedocs.io/', 'https://uvloop.readthedocs.io/'],
  [
    'http://blog.mathieu-leplatre.info/some-python-3-asyncio-snippets.html',
    'https://blog.mathieu-leplatre.info/some-python-3-asyncio-snippets.html',
  ],
  [
    'https://docs.python.org/3.8/whatsnew/3.8.html#multiprocessing',
    'https://docs.python.org/3/whatsnew/3.8.html#multiprocessing',
  ],
  ['https://twitter.com/antor/status/1152876193525501952', 'https://x.com/antor/status/1152876193525501952'],
  [
    'https://app.getpocket.com/read/2668197563',
    'https://curry-on.org/2019/sessions/dynamic-languages-and-parallelism-how-to-go-from-broken-or-slow-to-safe-and-efficient.html',
  ],
  [
    'https://vorpus.org/blog/notes-on-structured-concurrency-or-go-statement-considered-harmful/',
    'https://vorpus.org/blog/notes-on-structured-concurrency-or-go-statement-considered-harmful/',
  ],
];

describe('every link of the original post', () => {
  // Every note rendered once, for all the tests below.
  const outboundUrls = memoized(collectOutboundUrls);

  it.each(SEED_LINKS)('%s is linked as %s', async (_seed, linkedAs) => {
    const linked = await outboundUrls();
    expect(linked).toContain(linkedAs);
  });

  it('no note links to an address known to be dead', async () => {
    const linked = await outboundUrls();
    const dead = [
      'app.getpocket.com',
      'wiki.python.org',
      'www.python.org/dev/peps',
      'twitter.com',
      '#example-parallel-execution-of-tasks',
    ];
    expect(linked.filter((url) => dead.some((fragment) => url.includes(fragment)))).toEqual([]);
  });
});
