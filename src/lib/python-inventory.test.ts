import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ALIASES, resolveAlias } from './python-api-aliases';
import { apiLookup, parseInventory } from './python-inventory';

const FILE = join(import.meta.dirname, '../../content/python-inventory.json');
const inventory = parseInventory(JSON.parse(await readFile(FILE, 'utf8')), FILE);
const lookup = apiLookup(inventory);

describe('apiLookup', () => {
  it.each([
    ['asyncio.TaskGroup', 'https://docs.python.org/3/library/asyncio-task.html#asyncio.TaskGroup', 'class', 'asyncio'],
    ['concurrent.futures.ProcessPoolExecutor', 'https://docs.python.org/3/library/concurrent.futures.html#concurrent.futures.ProcessPoolExecutor', 'class', 'concurrent.futures'],
    ['multiprocessing.shared_memory', 'https://docs.python.org/3/library/multiprocessing.shared_memory.html#module-multiprocessing.shared_memory', 'module', 'multiprocessing.shared_memory'],
    ['asyncio.loop.run_in_executor', 'https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.run_in_executor', 'method', 'asyncio'],
  ])('%s', (name, url, kind, module) => {
    expect(lookup(name)).toEqual({ name, url, kind, module });
  });

  it('knows nothing about names the docs do not document', () => {
    expect(lookup('asyncio.not_a_thing')).toBeUndefined();
    expect(lookup('toString')).toBeUndefined();
  });
});

describe('aliases', () => {
  it.each(Object.entries(API_ALIASES))('%s stands for %s, which has documented members', (_alias, target) => {
    const members = Object.keys(inventory.objects).filter((name) => name.startsWith(`${target}.`));
    expect(members.length).toBeGreaterThan(0);
  });

  it.each([
    ['loop.run_in_executor', 'asyncio.loop.run_in_executor'],
    ['tg.create_task', 'asyncio.TaskGroup.create_task'],
    ['asyncio.run', 'asyncio.run'],
    ['loop', 'loop'],
  ])('%s -> %s', (name, resolved) => {
    expect(resolveAlias(name)).toBe(resolved);
  });
});

describe('parseInventory', () => {
  it.each([
    [null, 'field "(root)" must be a JSON object'],
    [{ python: '3.14', source: 'x', base: 'http://docs.python.org/3/', objects: {}, modules: {}, glossary: {}, labels: {} }, 'field "base" must be an https URL'],
    [{ python: '3.14', source: 'x', base: 'https://docs.python.org/3/', objects: { a: { page: 'x.html' } }, modules: {}, glossary: {}, labels: {} }, 'field "objects.a" must have a page and an anchor'],
    [{ python: '3.14', source: 'x', base: 'https://docs.python.org/3/', objects: {}, glossary: {}, labels: {} }, 'field "modules" must be an object'],
  ])('refuses bad data with the field named (%#)', (data, message) => {
    expect(() => parseInventory(data, 'content/python-inventory.json')).toThrow(`content/python-inventory.json: ${message}`);
  });
});
