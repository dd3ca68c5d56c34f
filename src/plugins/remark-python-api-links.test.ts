import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { apiLookup, parseInventory } from '../lib/python-inventory';
import { remarkPythonApiLinks } from './remark-python-api-links';

const INVENTORY_FILE = join(import.meta.dirname, '../../content/python-inventory.json');
const inventory = parseInventory(JSON.parse(await readFile(INVENTORY_FILE, 'utf8')), INVENTORY_FILE);
const DOCS = 'https://docs.python.org/3/library';

async function render(markdown: string) {
  const file = new VFile({ value: markdown, data: { astro: { frontmatter: {} } } });
  const html = String(
    await unified().use(remarkParse).use(remarkGfm).use(remarkPythonApiLinks, { lookup: apiLookup(inventory) }).use(remarkRehype).use(rehypeStringify).process(file),
  );
  return { html: html.trim(), file };
}

describe('remarkPythonApiLinks', () => {
  it.each([
    ['`asyncio.TaskGroup`', `<p><a href="${DOCS}/asyncio-task.html#asyncio.TaskGroup" data-api="asyncio.TaskGroup"><code>asyncio.TaskGroup</code></a></p>`],
    ['`asyncio.to_thread()`', `<p><a href="${DOCS}/asyncio-task.html#asyncio.to_thread" data-api="asyncio.to_thread"><code>asyncio.to_thread()</code></a></p>`],
    ['`asyncio.Task.cancel()`', `<p><a href="${DOCS}/asyncio-task.html#asyncio.Task.cancel" data-api="asyncio.Task.cancel"><code>asyncio.Task.cancel()</code></a></p>`],
    ['`multiprocessing.shared_memory.SharedMemory.buf`', `<p><a href="${DOCS}/multiprocessing.shared_memory.html#multiprocessing.shared_memory.SharedMemory.buf" data-api="multiprocessing.shared_memory.SharedMemory.buf"><code>multiprocessing.shared_memory.SharedMemory.buf</code></a></p>`],
    ['`concurrent.futures`', `<p><a href="${DOCS}/concurrent.futures.html#module-concurrent.futures" data-api="concurrent.futures"><code>concurrent.futures</code></a></p>`],
    ['`loop.run_in_executor()`', `<p><a href="${DOCS}/asyncio-eventloop.html#asyncio.loop.run_in_executor" data-api="asyncio.loop.run_in_executor"><code>loop.run_in_executor()</code></a></p>`],
    ['`tg.create_task()`', `<p><a href="${DOCS}/asyncio-task.html#asyncio.TaskGroup.create_task" data-api="asyncio.TaskGroup.create_task"><code>tg.create_task()</code></a></p>`],
  ])('links %s to its anchor', async (markdown, html) => {
    expect((await render(markdown)).html).toBe(html);
  });

  it.each([
    ['unknown names', '`asyncio.no_such_thing()`', '<p><code>asyncio.no_such_thing()</code></p>'],
    ['single words', '`print` and `asyncio`', '<p><code>print</code> and <code>asyncio</code></p>'],
    ['calls with arguments', '`asyncio.run(main())`', '<p><code>asyncio.run(main())</code></p>'],
    ['code already in a link', '[`asyncio.run()`](https://example.org/)', '<p><a href="https://example.org/"><code>asyncio.run()</code></a></p>'],
    ['headings', '## Using `asyncio.TaskGroup`', '<h2>Using <code>asyncio.TaskGroup</code></h2>'],
    ['fenced code', '```python\nasyncio.run(main())\n```', '<pre><code class="language-python">asyncio.run(main())\n</code></pre>'],
  ])('leaves %s alone', async (_what, markdown, html) => {
    expect((await render(markdown)).html).toBe(html);
  });

  it('lets an author opt one occurrence out with a leading !', async () => {
    expect((await render('`!asyncio.run()` then `asyncio.run()`')).html).toBe(
      `<p><code>asyncio.run()</code> then <a href="${DOCS}/asyncio-runner.html#asyncio.run" data-api="asyncio.run"><code>asyncio.run()</code></a></p>`,
    );
  });

  it('records each linked API with its module and line, for the references index', async () => {
    const { file } = await render('Use `asyncio.TaskGroup`.\n\nThen `loop.run_in_executor()`.\n');
    expect(file.data.apiLinks).toEqual([
      { name: 'asyncio.TaskGroup', url: `${DOCS}/asyncio-task.html#asyncio.TaskGroup`, module: 'asyncio', line: 1 },
      { name: 'asyncio.loop.run_in_executor', url: `${DOCS}/asyncio-eventloop.html#asyncio.loop.run_in_executor`, module: 'asyncio', line: 3 },
    ]);
    expect((file.data as { astro: { frontmatter: Record<string, unknown> } }).astro.frontmatter['apiLinks']).toEqual(file.data.apiLinks);
  });
});
