import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAME_ALIASES, RECEIVER_ALIASES, aliasTarget } from './aliases';
import { apiAtUrl, apiLookup, loadInventory, parseInventory } from './inventory';

const FILE = join(import.meta.dirname, '../../../content/python-inventory.json');
const inventory = loadInventory(FILE);
const lookup = apiLookup(inventory);
const DOCS = 'https://docs.python.org/3/library';

describe('lookupApi', () => {
  it.each([
    ['asyncio.TaskGroup', `${DOCS}/asyncio-task.html#asyncio.TaskGroup`, 'class', 'asyncio'],
    ['asyncio.run', `${DOCS}/asyncio-runner.html#asyncio.run`, 'function', 'asyncio'],
    ['asyncio.Task.cancel', `${DOCS}/asyncio-task.html#asyncio.Task.cancel`, 'method', 'asyncio'],
    ['asyncio.CancelledError', `${DOCS}/asyncio-exceptions.html#asyncio.CancelledError`, 'exception', 'asyncio'],
    [
      'multiprocessing.shared_memory.SharedMemory.buf',
      `${DOCS}/multiprocessing.shared_memory.html#multiprocessing.shared_memory.SharedMemory.buf`,
      'attribute',
      'multiprocessing.shared_memory',
    ],
    [
      'concurrent.futures.ProcessPoolExecutor',
      `${DOCS}/concurrent.futures.html#concurrent.futures.ProcessPoolExecutor`,
      'class',
      'concurrent.futures',
    ],
    ['concurrent.futures', `${DOCS}/concurrent.futures.html#module-concurrent.futures`, 'module', 'concurrent.futures'],
    [
      'asyncio.loop.run_in_executor',
      `${DOCS}/asyncio-eventloop.html#asyncio.loop.run_in_executor`,
      'method',
      'asyncio',
    ],
    ['socket.socket.share', `${DOCS}/socket.html#socket.socket.share`, 'method', 'socket'],
    ['queue.Queue', `${DOCS}/queue.html#queue.Queue`, 'class', 'queue'],
    ['str.join', `${DOCS}/stdtypes.html#str.join`, 'method', 'builtins'],
  ])('%s', (name, url, kind, module) => {
    expect(lookup(name)).toMatchObject({ name, url, kind, module });
  });

  it.each([
    [
      'loop.run_in_executor',
      'asyncio.loop.run_in_executor',
      `${DOCS}/asyncio-eventloop.html#asyncio.loop.run_in_executor`,
    ],
    [
      'loop.slow_callback_duration',
      'asyncio.loop.slow_callback_duration',
      `${DOCS}/asyncio-eventloop.html#asyncio.loop.slow_callback_duration`,
    ],
    ['tg.create_task', 'asyncio.TaskGroup.create_task', `${DOCS}/asyncio-task.html#asyncio.TaskGroup.create_task`],
    [
      'pool.submit',
      'concurrent.futures.Executor.submit',
      `${DOCS}/concurrent.futures.html#concurrent.futures.Executor.submit`,
    ],
    [
      'shm.unlink',
      'multiprocessing.shared_memory.SharedMemory.unlink',
      `${DOCS}/multiprocessing.shared_memory.html#multiprocessing.shared_memory.SharedMemory.unlink`,
    ],
  ])('the alias %s finds %s', (alias, name, url) => {
    expect(lookup(alias)).toMatchObject({ name, url });
  });

  it.each([
    'asyncio.not_a_thing',
    'loop.not_a_method',
    'future.result',
    'queue.put',
    'toString',
    'constructor',
    'global interpreter lock',
    'asyncio-debug-mode',
  ])('knows nothing of %s', (name) => {
    expect(lookup(name)).toBeUndefined();
  });
});

describe('version facts', () => {
  it.each([
    ['asyncio.TaskGroup', { added: '3.11' }],
    ['tg.cancel', { name: 'asyncio.TaskGroup.cancel', added: '3.15' }],
    ['asyncio.set_event_loop_policy', { deprecated: '3.14', removal: '3.16' }],
    // No "Added in" of its own: the module's is the floor.
    ['concurrent.interpreters.create', { added: '3.14' }],
  ])('%s', (name, facts) => {
    expect(lookup(name)).toMatchObject(facts);
  });

  it('leaves out what the docs do not say, and a deprecated parameter', () => {
    const gather = lookup('asyncio.gather');
    expect(gather).not.toHaveProperty('added');
    expect(gather).not.toHaveProperty('deprecated');
  });
});

describe('aliases', () => {
  it.each(Object.entries(NAME_ALIASES))('%s stands for %s, which the docs document', (_alias, target) => {
    expect(Object.hasOwn(inventory.objects, target)).toBe(true);
  });

  it.each(Object.entries(RECEIVER_ALIASES))('%s. stands for %s., which has documented members', (_receiver, target) => {
    expect(Object.keys(inventory.objects).filter((name) => name.startsWith(`${target}.`)).length).toBeGreaterThan(20);
  });

  it('never shadows a documented name', () => {
    const aliases = [...Object.keys(NAME_ALIASES), ...Object.keys(RECEIVER_ALIASES)];
    expect(
      aliases.filter((alias) => Object.hasOwn(inventory.objects, alias) || Object.hasOwn(inventory.modules, alias)),
    ).toEqual([]);
  });

  it.each([
    ['loop.call_soon', 'asyncio.loop.call_soon'],
    ['executor.map', 'concurrent.futures.Executor.map'],
    ['asyncio.run', undefined],
    ['loop', undefined],
    ['task.add_done_callback', undefined],
  ])('%s -> %s', (name, target) => {
    expect(aliasTarget(name)).toBe(target);
  });
});

describe('every lookup lands on a page and anchor the inventory holds', () => {
  const known = new Set(
    [...Object.values(inventory.objects), ...Object.values(inventory.modules)].map(
      ({ page, anchor }) => `${inventory.base}${page}#${anchor}`,
    ),
  );
  const loopMembers = Object.keys(inventory.objects)
    .filter((name) => name.startsWith('asyncio.loop.'))
    .map((name) => name.replace('asyncio.', ''));
  const names = [
    ...Object.keys(inventory.objects),
    ...Object.keys(inventory.modules),
    ...Object.keys(NAME_ALIASES),
    ...loopMembers,
  ];

  it(`for all ${names.length} documented names and aliases`, () => {
    const urls = names.map((name) => lookup(name)?.url);
    expect(urls.filter((url) => url === undefined || !known.has(url))).toEqual([]);
  });
});

describe('loading the inventory', () => {
  const valid = {
    python: '3.14',
    source: 'x',
    base: 'https://docs.python.org/3/',
    objects: {},
    modules: {},
    glossary: {},
    labels: {},
  };

  it.each([
    [null, 'field "(root)" must be a JSON object'],
    [[], 'field "(root)" must be a JSON object'],
    [{ ...valid, python: 3.14 }, 'field "python" must be a string'],
    [{ ...valid, base: 'http://docs.python.org/3/' }, 'field "base" must be an https URL ending in /'],
    [
      { ...valid, objects: { a: { page: 'x.html', kind: 'class' } } },
      'field "objects.a.anchor" is required: every entry has a page and an anchor',
    ],
    [{ ...valid, objects: { a: { page: 'x.html', anchor: 'a' } } }, 'field "objects.a.kind" is required'],
    [
      { ...valid, objects: { a: { page: 'x.html', anchor: 'a', kind: 'class', added: '3.x' } } },
      'field "objects.a.added" must be a Python version',
    ],
    [{ ...valid, modules: { a: { page: 'x.html', anchor: 'a', removed: 3.16 } } }, 'field "modules.a.removed"'],
    [
      { ...valid, glossary: { GIL: 'glossary.html#term-GIL' } },
      'field "glossary.GIL" must be an object with a page and an anchor',
    ],
    [{ ...valid, labels: undefined }, 'field "labels" must be an object of name to {page, anchor}'],
    [{ ...valid, extra: {} }, 'field "(root)"'],
  ])('refuses bad data and names the file and field (%#)', (data, message) => {
    expect(() => parseInventory(data, 'content/python-inventory.json')).toThrow(
      `content/python-inventory.json: ${message}`,
    );
  });

  it('says which file is not JSON', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'inventory-')), 'python-inventory.json');
    writeFileSync(file, '{"python": "3.14",');
    expect(() => loadInventory(file)).toThrow(`${file}: cannot read the Python inventory`);
  });

  it('the project copy describes the current docs', () => {
    expect(inventory).toMatchObject({ python: '3.15', base: 'https://docs.python.org/3/' });
    expect(inventory.objects['asyncio.TaskGroup.cancel']).toMatchObject({ added: '3.15' });
    expect(inventory.objects['asyncio.set_event_loop_policy']).toMatchObject({ deprecated: '3.14', removal: '3.16' });
    expect(Object.keys(inventory.objects).length).toBeGreaterThan(9000);
    expect(Object.keys(inventory.labels).length).toBeGreaterThan(1000);
  });
});

describe('apiAtUrl', () => {
  const apiAt = apiAtUrl(inventory);
  it.each([
    [`${DOCS}/asyncio-eventloop.html#asyncio.loop.call_soon_threadsafe`, 'asyncio.loop.call_soon_threadsafe'],
    [`${DOCS}/asyncio-task.html#asyncio.TaskGroup`, 'asyncio.TaskGroup'],
    [`${DOCS}/concurrent.futures.html#module-concurrent.futures`, 'concurrent.futures'],
  ])('finds the API %s points at', (url, name) => {
    expect(apiAt(url)?.name).toBe(name);
  });

  it.each([
    [`${DOCS}/asyncio-task.html#taskgroups`, 'a section'],
    [`${DOCS}/asyncio-task.html`, 'a whole page'],
    ['https://docs.python.org/3.12/library/asyncio-task.html#asyncio.TaskGroup', 'another version of the docs'],
    ['https://example.org/library/asyncio-task.html#asyncio.TaskGroup', 'another site'],
  ])('finds none in %s (%s)', (url) => {
    expect(apiAt(url)).toBeUndefined();
  });
});
