import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parseInventory } from '../src/lib/python-docs/inventory';
import { PROJECT_ROOT } from './helpers/build-site';
import { attr, readPage, textOf } from './helpers/html';

const site = inject('realSite');
const INVENTORY_FILE = join(PROJECT_ROOT, 'content/python-inventory.json');

describe('API names in the notes link to the Python docs', () => {
  it('a note naming asyncio.TaskGroup links it to its anchor', async () => {
    const page = await readPage(site, 'notes/taskgroup-structured-concurrency');
    const link = page.all('.prose a[data-api]').find((a) => textOf(a).startsWith('asyncio.TaskGroup'));
    expect(attr(link, 'href')).toBe('https://docs.python.org/3/library/asyncio-task.html#asyncio.TaskGroup');
    expect(attr(link, 'rel')).toBe('noopener noreferrer');
  });

  it('every generated link points at a page and anchor the inventory holds', async () => {
    const inventory = parseInventory(JSON.parse(await readFile(INVENTORY_FILE, 'utf8')), INVENTORY_FILE);
    const known = new Set(
      [...Object.values(inventory.objects), ...Object.values(inventory.modules)].map(
        ({ page, anchor }) => `${inventory.base}${page}#${anchor}`,
      ),
    );
    const slugs = await readdir(join(site, 'notes'));
    const hrefs = (
      await Promise.all(
        slugs.map(async (slug) =>
          (await readPage(site, `notes/${slug}`)).all('a[data-api]').map((a) => attr(a, 'href') ?? ''),
        ),
      )
    ).flat();
    expect(hrefs.length).toBeGreaterThan(30);
    expect(hrefs.filter((href) => !known.has(href))).toEqual([]);
  });

  it('the references index lists every linked API by module, with the notes that use it', async () => {
    const page = await readPage(site, 'references/apis');
    expect(page.text('h1')).toMatch(/^Standard-library APIs \(\d+\)$/);
    const taskGroup = page.one('[id="api-asyncio.TaskGroup"]');
    expect(taskGroup).toBeDefined();
    const notes = page.all('[id="api-asyncio.TaskGroup"] .api-list__notes a').map((a) => attr(a, 'href'));
    expect(notes).toContain('/notes/taskgroup-structured-concurrency/');
    const exported = JSON.parse(await readFile(join(site, 'references.json'), 'utf8')) as {
      apis: Array<{ name: string; module: string; citedBy: string[] }>;
    };
    expect(exported.apis.find((api) => api.name === 'asyncio.TaskGroup')).toMatchObject({
      module: 'asyncio',
      citedBy: expect.arrayContaining(['taskgroup-structured-concurrency']),
    });
    expect(exported.apis.length).toBe(page.all('.api-list > li').length);
  });

  it('counts a note that links an API’s docs anchor by hand, and code written with its arguments', async () => {
    const page = await readPage(site, 'references/apis');
    const citing = (api: string) => page.all(`[id="api-${api}"] .api-list__notes a`).map((a) => attr(a, 'href'));
    const note = await readPage(site, 'notes/calling-asyncio-from-threads');
    // The note's Read next links the anchor itself; its list names the method with its arguments.
    expect(note.all('.prose a:not([data-api])').map((a) => attr(a, 'href'))).toContain(
      'https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.call_soon_threadsafe',
    );
    expect(note.all('a[data-api="asyncio.loop.call_soon_threadsafe"] code').map(textOf)).toContain(
      'loop.call_soon_threadsafe(callback, *args)',
    );
    expect(citing('asyncio.loop.call_soon_threadsafe')).toContain('/notes/calling-asyncio-from-threads/');
  });
});
