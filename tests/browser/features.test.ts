import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoized } from '../../src/lib/content/memo';
import { BROWSER_STEP_MS, testTimeout, within } from '../helpers/limits';
import { useServedSite } from './served-site';

const served = useServedSite();

describe('search', () => {
  it(
    'finds the one note that mentions a rare term, with an excerpt',
    async () => {
      const term = 'sqlite3';
      const pagesWithTerm = await pagesMentioning(term);
      expect(pagesWithTerm, `exactly one page should mention ${term}`).toHaveLength(1);
      const page = await served.newPage();
      await page.goto(served.at('/search/'));
      await page.getByLabel('Search the notes').fill(term);
      const results = page.locator('[data-search-results] li');
      await results.first().waitFor();
      expect(await results.count()).toBe(1);
      expect(await results.locator('a').first().getAttribute('href')).toBe(pagesWithTerm[0]);
      expect(await results.first().locator('mark').count()).toBeGreaterThan(0);
      await expect
        .poll(() => page.locator('[data-search-status]').textContent(), {
          timeout: BROWSER_STEP_MS,
          message: 'the search status counts the results',
        })
        .toContain('1 page matches');
      await page.context().close();
    },
    testTimeout(BROWSER_STEP_MS * 4),
  );

  it(
    'finds API names as readers type them, underscores included',
    async () => {
      const page = await served.newPage();
      await page.goto(served.at('/search/?q=to_thread'));
      const results = page.locator('[data-search-results] li a');
      await results.first().waitFor();
      const hrefs = await results.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      expect(hrefs).toContain('/notes/blocking-code-in-asyncio/');
      expect(hrefs.length).toBeLessThanOrEqual((await pagesMentioning('to_thread')).length);
      await page.context().close();
    },
    testTimeout(BROWSER_STEP_MS * 3),
  );

  // Real messages as readers paste them: their own names, addresses, paths, pids and counts, not the entry's. One
  // search page takes them one after the other, as a reader pastes one message after another.
  let pasting: Page;
  beforeAll(async () => {
    pasting = await served.newPage();
    await pasting.goto(served.at('/search/'));
  }, testTimeout(BROWSER_STEP_MS));
  afterAll(async () => {
    await pasting?.context().close();
  });
  it.each([
    ["RuntimeWarning: coroutine 'fetch_all' was never awaited", 'coroutine-was-never-awaited'],
    [
      "/srv/app/jobs.py:41: RuntimeWarning: coroutine 'Uploader.flush' was never awaited\n  uploader.flush()",
      'coroutine-was-never-awaited',
    ],
    [
      "Task was destroyed but it is pending!\ntask: <Task pending name='Task-7' coro=<poll_feed() running at " +
        '/srv/app/feeds.py:88> wait_for=<Future pending cb=[Task.task_wakeup()]>>',
      'task-was-destroyed-but-it-is-pending',
    ],
    [
      'Traceback (most recent call last):\n  File "/home/ana/nb.py", line 3, in <module>\n    asyncio.run(main())\n' +
        'RuntimeError: asyncio.run() cannot be called from a running event loop',
      'asyncio-run-in-running-loop',
    ],
    ["RuntimeError: There is no current event loop in thread 'ThreadPoolExecutor-0_0'.", 'no-current-event-loop'],
    ['RuntimeError: Event loop is closed', 'event-loop-is-closed'],
    [
      "RuntimeError: Task <Task pending name='Task-3' coro=<handler() running at /app/web.py:12>> got Future " +
        '<Future pending> attached to a different loop',
      'future-attached-to-a-different-loop',
    ],
    [
      'concurrent.futures.process.BrokenProcessPool: A process in the process pool was terminated abruptly ' +
        'while the future was running or pending.',
      'broken-process-pool',
    ],
    ["OSError: [Errno 24] Too many open files: '/var/log/app/worker-12.log'", 'too-many-open-files'],
    [
      "subprocess.TimeoutExpired: Command '['ffmpeg', '-i', 'in.mov']' timed out after 30 seconds",
      'subprocess-timed-out',
    ],
    ['RuntimeError: cannot schedule new futures after shutdown', 'cannot-schedule-new-futures-after-shutdown'],
    ["TypeError: cannot pickle '_thread.RLock' object", 'cannot-pickle-object'],
    ['asyncio.exceptions.InvalidStateError: Result is not set.', 'result-is-not-set'],
    ['  File "/srv/app/feed.py", line 9, in fill\n    q.put_nowait(item)\nasyncio.queues.QueueFull', 'queue-full'],
  ])(
    'puts the entry of a pasted message first: %j',
    async (message, slug) => {
      const input = pasting.getByLabel('Search the notes');
      await input.fill(message);
      // The results are the message's once the status names what the box holds (a search box drops line breaks).
      const term = await input.inputValue();
      await within(
        BROWSER_STEP_MS,
        `the results of searching for ${JSON.stringify(term)}`,
        pasting.waitForFunction(
          (searched) => document.querySelector('[data-search-status]')?.textContent?.includes(`“${searched}”`),
          term,
        ),
      );
      expect(await pasting.locator('[data-search-results] li a').first().getAttribute('href')).toBe(`/errors/${slug}/`);
    },
    testTimeout(BROWSER_STEP_MS * 2),
  );

  it(
    'loads no search code on pages other than the search page',
    async () => {
      const { pagefindRequests } = await visitEveryPageType();
      const onSearchPage = pagefindRequests.get('/search/') ?? [];
      expect(onSearchPage.length, 'the search page loads Pagefind, and the listener sees it').toBeGreaterThan(0);
      const elsewhere = [...pagefindRequests].filter(([path]) => path !== '/search/').flatMap(([, urls]) => urls);
      expect(elsewhere).toEqual([]);
    },
    testTimeout(BROWSER_STEP_MS * 2 * 17),
  );
});

describe('link names, as a screen reader reads them', () => {
  it.each([
    ['a note that names many APIs', '/notes/calling-asyncio-from-threads/'],
    ['the references of one kind', '/references/library-doc/'],
  ])(
    'carry no repeated suffix on %s, and the page says once what ↗ means',
    async (_, path) => {
      const page = await served.newPage();
      await page.goto(served.at(path));
      const tree = await page.locator('body').ariaSnapshot();
      const names = [...tree.matchAll(/^\s*- link "([^"]*)"/gm)].map((match) => match[1] ?? '');
      const outbound = await page.locator('main a.external').count();
      expect(outbound, `${path} has outbound links to check`).toBeGreaterThan(5);
      expect(names.length).toBeGreaterThan(outbound);
      expect(names.filter((name) => /external site|another site|↗|north east/i.test(name))).toEqual([]);
      const legends = [...tree.matchAll(/↗ marks a link to another site\./g)];
      expect(legends).toHaveLength(1);
      await page.context().close();
    },
    testTimeout(BROWSER_STEP_MS * 3),
  );
});

describe('code blocks', () => {
  it(
    'the copy button puts the snippet on the clipboard and announces it',
    async () => {
      const page = await served.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
      await page.goto(served.at('/notes/asyncio-basics/'));
      const block = page.locator('figure.code-block').first();
      const button = block.getByRole('button', { name: 'Copy' });
      const before = await button.boundingBox();
      await button.focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => block.locator('[data-copy-status]').textContent(), {
          timeout: BROWSER_STEP_MS,
          message: 'the copy button announces the copy',
        })
        .toBe('Copied');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(await block.locator('pre code').textContent());
      expect(copied).toContain('async def fetch(name: str) -> str:');
      expect((await button.boundingBox())?.width).toBe(before?.width);
      await page.context().close();
    },
    testTimeout(BROWSER_STEP_MS * 4),
  );

  it(
    'marks the snippets the test suite runs, and shows their output as output',
    async () => {
      const page = await served.newPage();
      await page.goto(served.at('/notes/asyncio-basics/'));
      expect(await page.locator('.code-block__ran').first().textContent()).toMatch(
        /^Ran on Python 3\.\d+( · 3\.\d+)*$/,
      );
      expect(await page.locator('.code-block__ran').first().getAttribute('title')).toContain(
        'printed the output shown below it',
      );
      expect(await page.locator('figure.code-block--output .code-block__title').first().textContent()).toBe('Output');
      await page.context().close();
    },
    testTimeout(BROWSER_STEP_MS * 2),
  );
});

/**
 * One visit of every page type, with a search on the search page, recording what the pages ask for and every
 * Content-Security-Policy violation: the security and search tests read it. Run once, by the first test that asks.
 */
const visitEveryPageType = memoized(visitPages);

async function visitPages() {
  const page = await served.newPage();
  const problems: string[] = [];
  let requests = 0;
  const pagefindRequests = new Map<string, string[]>();
  page.on('request', (request) => {
    requests += 1;
    if (request.url().includes('pagefind')) {
      // The page that asked: the document its frame holds when the request leaves.
      const path = new URL(request.frame().url()).pathname;
      pagefindRequests.set(path, [...(pagefindRequests.get(path) ?? []), request.url()]);
    }
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:')
      problems.push(`request to ${request.url()}`);
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`Content-Security-Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  /** Resolves in the first idle period after `load`, when the pages register their worker: the last they do. */
  const settled = () =>
    within(
      BROWSER_STEP_MS,
      `an idle period after the load of ${page.url()}`,
      page.evaluate(() => new Promise<void>((done) => requestIdleCallback(() => done()))),
    );

  // The listeners see a violation: an inline script, which the policy refuses. Chromium reports it twice, in its
  // own console message and in the page's event; the next page starts once both have come.
  await page.goto(served.at('/'));
  await page.evaluate(() => document.head.append(Object.assign(document.createElement('script'), { text: '0' })));
  await expect
    .poll(
      () =>
        problems
          .filter((problem) => problem.startsWith('CSP:'))
          .map((problem) => (/violation:/.test(problem) ? 'page' : 'Chromium'))
          .sort(),
      {
        timeout: BROWSER_STEP_MS,
        message: 'the planted inline script is reported by Chromium and by the page',
      },
    )
    .toEqual(['Chromium', 'page']);
  problems.length = 0;
  requests = 0;

  for (const { path } of served.pages) {
    await page.goto(served.at(path));
    if (path === '/search/') {
      await page.getByLabel('Search the notes').fill('GIL');
      await page.locator('[data-search-results] li').first().waitFor();
    }
    await settled();
  }
  await page.context().close();
  return { problems, requests, pagefindRequests };
}

describe('security', () => {
  it(
    'every page type loads without a CSP violation or a request leaving 127.0.0.1',
    async () => {
      const { problems, requests } = await visitEveryPageType();
      expect(requests, 'the request listener saw the pages load').toBeGreaterThan(served.pages.length);
      expect(problems).toEqual([]);
    },
    testTimeout(BROWSER_STEP_MS * 2 * 17),
  );
});

describe('feeds', () => {
  it(
    'the RSS feed is XML and lists every published note',
    async () => {
      const page = await served.newPage();
      await page.goto(served.at('/rss.xml'));
      const parsed = await page.evaluate(async () => {
        const xml = await (await fetch('/rss.xml')).text();
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          links: [...doc.querySelectorAll('item > link')].map((link) => new URL(link.textContent ?? '').pathname),
        };
      });
      expect(parsed.error).toBeNull();
      expect(parsed.links.sort()).toEqual((await publishedNoteSlugs()).map((slug) => `/notes/${slug}/`).sort());
      await page.context().close();
    },
    testTimeout(BROWSER_STEP_MS * 2),
  );

  it('the sitemap lists every page', async () => {
    const index = await readFile(join(served.dist, 'sitemap-index.xml'), 'utf8');
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
    const urls = (await Promise.all(sitemaps.map((path) => readFile(join(served.dist, path), 'utf8')))).flatMap((xml) =>
      [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname),
    );
    const expected = [
      '/',
      '/tags/',
      '/references/',
      '/search/',
      ...(await publishedNoteSlugs()).map((slug) => `/notes/${slug}/`),
    ];
    for (const path of expected) expect(urls).toContain(path);
    expect(urls.some((path) => path.includes('404'))).toBe(false);
  });
});

async function publishedNoteSlugs(): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  return (await readdir(join(served.dist, 'notes'))).sort();
}

/** The built notes and error entries whose text mentions `term`, as a reader would search it, by path. */
async function pagesMentioning(term: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const matches: string[] = [];
  for (const section of ['notes', 'errors']) {
    const slugs = (await readdir(join(served.dist, section), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    for (const slug of slugs) {
      const html = await readFile(join(served.dist, section, slug, 'index.html'), 'utf8');
      const article = html.slice(html.indexOf('<h1'), html.indexOf('<section class="note-references"'));
      if (article.toLowerCase().includes(term.toLowerCase())) matches.push(`/${section}/${slug}/`);
    }
  }
  return matches.sort();
}
