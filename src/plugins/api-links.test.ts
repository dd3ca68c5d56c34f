import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type NotePageData, PAGE_DATA_KEY } from '../lib/content/page-data';
import { apiLookup, loadInventory } from '../lib/python-docs/inventory';
import { renderWith } from './__tests__/render';
import { apiLinks } from './api-links';

const lookup = apiLookup(loadInventory(join(import.meta.dirname, '../../content/python-inventory.json')));
const DOCS = 'https://docs.python.org/3/library';

const link = (href: string, name: string, code: string) =>
  `<a href="${href}" class="api-link" data-api="${name}"><code>${code}</code></a>`;

/** The plugin alone, through Sätteri: the registry tests run it with the rest, in .md and .mdx notes. */
async function render(markdown: string) {
  const { html, frontmatter } = await renderWith(markdown, { mdastPlugins: [apiLinks(lookup)] });
  return { html: html.trim(), page: frontmatter[PAGE_DATA_KEY] as NotePageData };
}

/** The docs URLs the plugin linked in an .mdx note. */
async function renderMdx(markdown: string) {
  const { frontmatter } = await renderWith(markdown, { mdastPlugins: [apiLinks(lookup)] }, 'content/notes/x.mdx');
  return (frontmatter[PAGE_DATA_KEY] as NotePageData | undefined)?.apiLinks.map((api) => api.url) ?? [];
}

describe('apiLinks', () => {
  it.each([
    [
      'a class',
      '`asyncio.Future`',
      link(`${DOCS}/asyncio-future.html#asyncio.Future`, 'asyncio.Future', 'asyncio.Future'),
    ],
    [
      'a function written as a call',
      '`asyncio.to_thread()`',
      link(`${DOCS}/asyncio-task.html#asyncio.to_thread`, 'asyncio.to_thread', 'asyncio.to_thread()'),
    ],
    [
      'a method',
      '`asyncio.Task.cancel()`',
      link(`${DOCS}/asyncio-task.html#asyncio.Task.cancel`, 'asyncio.Task.cancel', 'asyncio.Task.cancel()'),
    ],
    [
      'an attribute',
      '`multiprocessing.shared_memory.SharedMemory.buf`',
      link(
        `${DOCS}/multiprocessing.shared_memory.html#multiprocessing.shared_memory.SharedMemory.buf`,
        'multiprocessing.shared_memory.SharedMemory.buf',
        'multiprocessing.shared_memory.SharedMemory.buf',
      ),
    ],
    [
      'an exception',
      '`asyncio.CancelledError`',
      link(
        `${DOCS}/asyncio-exceptions.html#asyncio.CancelledError`,
        'asyncio.CancelledError',
        'asyncio.CancelledError',
      ),
    ],
    [
      'a dotted module',
      '`concurrent.futures`',
      link(`${DOCS}/concurrent.futures.html#module-concurrent.futures`, 'concurrent.futures', 'concurrent.futures'),
    ],
    [
      'the loop alias',
      '`loop.run_in_executor()`',
      link(
        `${DOCS}/asyncio-eventloop.html#asyncio.loop.run_in_executor`,
        'asyncio.loop.run_in_executor',
        'loop.run_in_executor()',
      ),
    ],
    [
      'a member alias',
      '`tg.create_task()`',
      // A member takes its class's "added" (TaskGroup, 3.11), so it carries the class's mark.
      `${link(
        `${DOCS}/asyncio-task.html#asyncio.TaskGroup.create_task`,
        'asyncio.TaskGroup.create_task',
        'tg.create_task()',
      )}<span class="api-mark">3.11+</span>`,
    ],
    [
      'the queue module, not an alias',
      '`queue.Queue`',
      link(`${DOCS}/queue.html#queue.Queue`, 'queue.Queue', 'queue.Queue'),
    ],
    [
      'a call written with its arguments',
      '`loop.call_soon_threadsafe(callback, *args)`',
      link(
        `${DOCS}/asyncio-eventloop.html#asyncio.loop.call_soon_threadsafe`,
        'asyncio.loop.call_soon_threadsafe',
        'loop.call_soon_threadsafe(callback, *args)',
      ),
    ],
    [
      'a call whose argument is a call',
      '`asyncio.run(main())`',
      link(`${DOCS}/asyncio-runner.html#asyncio.run`, 'asyncio.run', 'asyncio.run(main())'),
    ],
  ])('links %s to its anchor, the code unchanged inside', async (_what, markdown, html) => {
    expect((await render(markdown)).html).toBe(`<p>${html}</p>`);
  });

  it.each([
    [
      'a built-in exception',
      '`TimeoutError`',
      link('https://docs.python.org/3/library/exceptions.html#TimeoutError', 'TimeoutError', 'TimeoutError'),
    ],
    [
      'a built-in function',
      '`open()`',
      link('https://docs.python.org/3/library/functions.html#open', 'open', 'open()'),
    ],
  ])('links %s by its single name', async (_what, markdown, html) => {
    expect((await render(markdown)).html).toBe(`<p>${html}</p>`);
  });

  it.each([
    ['an API the oldest supported Python lacks', '`asyncio.TaskGroup`', '<span class="api-mark">3.11+</span>'],
    ['a 3.15 method through its alias', '`tg.cancel()`', '<span class="api-mark">3.15+</span>'],
    [
      'a deprecated API',
      '`asyncio.set_event_loop_policy()`',
      '<span class="api-mark api-mark--deprecated">deprecated 3.14, removed in 3.16</span>',
    ],
  ])('marks %s after its link', async (_what, markdown, mark) => {
    const { html } = await render(markdown);
    expect(html).toMatch(new RegExp(`^<p><a [^>]+><code>[^<]+</code></a>${mark.replace(/[.+]/g, '\\$&')}</p>$`));
  });

  it('marks nothing every supported Python has, nor an API deprecated only in part', async () => {
    expect((await render('`asyncio.to_thread()` and `asyncio.gather()`')).html).not.toContain('api-mark');
  });

  it('links in lists and tables too', async () => {
    const { html } = await render('- `asyncio.run()`\n\n| API |\n| --- |\n| `asyncio.Runner` |\n');
    expect(html).toContain(
      `<li>${link(`${DOCS}/asyncio-runner.html#asyncio.run`, 'asyncio.run', 'asyncio.run()')}</li>`,
    );
    expect(html).toContain(
      `<td>${link(`${DOCS}/asyncio-runner.html#asyncio.Runner`, 'asyncio.Runner', 'asyncio.Runner')}<span class="api-mark">3.11+</span></td>`,
    );
  });

  it.each([
    ['unknown names', '`asyncio.no_such_thing()`', '<p><code>asyncio.no_such_thing()</code></p>'],
    ['names from other libraries', '`uvloop.run()`', '<p><code>uvloop.run()</code></p>'],
    [
      'single words that are no built-in exception or function',
      '`asyncio`, `timeout`, `None` and `list`',
      '<p><code>asyncio</code>, <code>timeout</code>, <code>None</code> and <code>list</code></p>',
    ],
    [
      'code that does more than call one API',
      '`asyncio.run(main()) or 1` and `asyncio.run(main())[0]`',
      '<p><code>asyncio.run(main()) or 1</code> and <code>asyncio.run(main())[0]</code></p>',
    ],
    ['single words called with arguments', '`open(path)`', '<p><code>open(path)</code></p>'],
    [
      'ambiguous receivers',
      '`future.result()` and `queue.put()`',
      '<p><code>future.result()</code> and <code>queue.put()</code></p>',
    ],
    [
      'code already in a link',
      '[`asyncio.run()`](https://example.org/)',
      '<p><a href="https://example.org/"><code>asyncio.run()</code></a></p>',
    ],
    [
      'code in a reference-style link',
      '[`asyncio.run()`][runners]\n\n[runners]: https://example.org/runners',
      '<p><a href="https://example.org/runners"><code>asyncio.run()</code></a></p>',
    ],
    // The id is Astro's own heading-id plugin's: only api-links of the registry runs here.
    [
      'headings',
      '## Using `asyncio.TaskGroup`',
      '<h2 id="using-asynciotaskgroup">Using <code>asyncio.TaskGroup</code></h2>',
    ],
    [
      'fenced code',
      '```python\nasyncio.run(main())\n```',
      '<pre><code class="language-python">asyncio.run(main())\n</code></pre>',
    ],
    ['glossary terms', '`global interpreter lock`', '<p><code>global interpreter lock</code></p>'],
  ])('leaves %s alone', async (_what, markdown, html) => {
    expect((await render(markdown)).html).toBe(html);
  });

  it.each([
    [
      'a leading !',
      '`!asyncio.run()` then `asyncio.run()`',
      `<p><code>asyncio.run()</code> then ${link(`${DOCS}/asyncio-runner.html#asyncio.run`, 'asyncio.run', 'asyncio.run()')}</p>`,
    ],
    ['a leading ! on an alias', '`!loop.time()`', '<p><code>loop.time()</code></p>'],
    ['nothing when the rest is not a name', '`!= None`', '<p><code>!= None</code></p>'],
  ])('opting one occurrence out: %s', async (_what, markdown, html) => {
    expect((await render(markdown)).html).toBe(html);
  });

  it.each([
    ['links names in MDX', 'Use `asyncio.TaskGroup` here.', [`${DOCS}/asyncio-task.html#asyncio.TaskGroup`]],
    ['leaves code in an MDX <a> alone', 'See <a href="https://example.org/">`asyncio.run()`</a>.', []],
    [
      'links inside other MDX elements',
      '<aside>`asyncio.timeout()`</aside>',
      [`${DOCS}/asyncio-task.html#asyncio.timeout`],
    ],
    ['honours the opt-out in MDX', 'Use `!asyncio.TaskGroup` here.', []],
  ])('%s', async (_what, mdx, urls) => {
    expect(await renderMdx(mdx)).toEqual(urls);
  });

  it('records each linked API with its module and line in the page data', async () => {
    const { page } = await render(
      'Use `asyncio.TaskGroup`.\n\nThen `loop.run_in_executor()`\nand `str.join()`, but not `!asyncio.run()`.\n',
    );
    expect(page.apiLinks).toEqual([
      {
        name: 'asyncio.TaskGroup',
        url: `${DOCS}/asyncio-task.html#asyncio.TaskGroup`,
        module: 'asyncio',
        line: 1,
        added: '3.11',
      },
      {
        name: 'asyncio.loop.run_in_executor',
        url: `${DOCS}/asyncio-eventloop.html#asyncio.loop.run_in_executor`,
        module: 'asyncio',
        line: 3,
      },
      { name: 'str.join', url: `${DOCS}/stdtypes.html#str.join`, module: 'builtins', line: 4 },
    ]);
  });

  it('records an empty list for a note without API names', async () => {
    expect((await render('Nothing to link.')).page.apiLinks).toEqual([]);
  });
});
