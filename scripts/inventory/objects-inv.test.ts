import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatInventory, keepVersionFacts, readObjectsInv } from './objects-inv';
import { parseInventory } from '../../src/lib/python-docs/inventory';

const PYTHON_HEADER = [
  '# Sphinx inventory version 2',
  '# Project: Python',
  '# Version: 3.14',
  '# The remainder of this file is compressed using zlib.',
];

function objectsInv(lines: string[], header = PYTHON_HEADER): Buffer {
  return Buffer.concat([Buffer.from(`${header.join('\n')}\n`), deflateSync(Buffer.from(`${lines.join('\n')}\n`))]);
}

const FIXTURE = objectsInv([
  'asyncio py:module 0 library/asyncio.html#module-$ -',
  'concurrent.futures py:module 0 library/concurrent.futures.html#module-$ -',
  'asyncio.TaskGroup py:class 1 library/asyncio-task.html#$ -',
  'asyncio.TaskGroup.create_task py:method 1 library/asyncio-task.html#$ -',
  'asyncio.loop.run_in_executor py:method 1 library/asyncio-eventloop.html#$ -',
  'asyncio.CancelledError py:exception 1 library/asyncio-exceptions.html#$ -',
  'sys.flags py:data 1 library/sys.html#$ -',
  'memoryview.c_contiguous py:attribute 1 library/stdtypes.html#memoryview.c_contiguous -',
  'global interpreter lock std:term -1 glossary.html#term-global-interpreter-lock -',
  'bdfl std:term -1 glossary.html#term-BDFL BDFL',
  'asyncio-debug-mode std:label -1 library/asyncio-dev.html#$ Debug Mode',
  'running tasks concurrently std:label -1 library/asyncio-task.html#running-tasks-concurrently Running Tasks Concurrently',
  'genindex std:label -1 genindex.html General Index',
  'library/asyncio std:doc -1 library/asyncio.html asyncio',
  'PyList_New c:function 1 c-api/list.html#c.$ -',
  '',
]);

describe('readObjectsInv', () => {
  const inventory = readObjectsInv(FIXTURE, { source: 'fixture' });

  it('takes the version from the header', () => {
    expect(inventory).toMatchObject({ python: '3.14', source: 'fixture', base: 'https://docs.python.org/3/' });
  });

  it('expands a trailing $ to the name and files modules apart from objects', () => {
    expect(inventory.modules).toEqual({
      asyncio: { page: 'library/asyncio.html', anchor: 'module-asyncio' },
      'concurrent.futures': { page: 'library/concurrent.futures.html', anchor: 'module-concurrent.futures' },
    });
    expect(inventory.objects['asyncio.TaskGroup']).toEqual({
      page: 'library/asyncio-task.html',
      anchor: 'asyncio.TaskGroup',
      kind: 'class',
    });
  });

  it.each([
    ['asyncio.TaskGroup.create_task', 'method'],
    ['asyncio.loop.run_in_executor', 'method'],
    ['asyncio.CancelledError', 'exception'],
    ['sys.flags', 'data'],
    ['memoryview.c_contiguous', 'attribute'],
  ])('keeps %s as a %s', (name, kind) => {
    expect(inventory.objects[name]?.kind).toBe(kind);
  });

  it('keeps only Python objects: no C API, no whole documents', () => {
    expect(Object.keys(inventory.objects)).toEqual([
      'asyncio.CancelledError',
      'asyncio.TaskGroup',
      'asyncio.TaskGroup.create_task',
      'asyncio.loop.run_in_executor',
      'memoryview.c_contiguous',
      'sys.flags',
    ]);
  });

  it('reads glossary terms with spaces, under their display text when it is not -', () => {
    expect(inventory.glossary).toEqual({
      BDFL: { page: 'glossary.html', anchor: 'term-BDFL' },
      'global interpreter lock': { page: 'glossary.html', anchor: 'term-global-interpreter-lock' },
    });
  });

  it('keeps labels that point into a page, not whole pages', () => {
    expect(inventory.labels).toEqual({
      'asyncio-debug-mode': { page: 'library/asyncio-dev.html', anchor: 'asyncio-debug-mode' },
      'running tasks concurrently': { page: 'library/asyncio-task.html', anchor: 'running-tasks-concurrently' },
    });
  });

  it('writes the same bytes for the same inventory, in the layout the site loads', () => {
    const text = formatInventory(inventory);
    expect(formatInventory(readObjectsInv(FIXTURE, { source: 'fixture' }))).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'python',
      'source',
      'base',
      'objects',
      'modules',
      'glossary',
      'labels',
    ]);
    expect(parseInventory(JSON.parse(text), 'fixture')).toEqual(inventory);
  });

  it('the project copy is in that layout', () => {
    const file = join(import.meta.dirname, '../../content/python-inventory.json');
    const text = readFileSync(file, 'utf8');
    expect(formatInventory(parseInventory(JSON.parse(text), file))).toBe(text);
  });

  it.each([
    [
      'a version 1 inventory',
      Buffer.from('# Sphinx inventory version 1\n# Project: X\n# Version: 1\nx mod x.html\n'),
      'not a Sphinx objects.inv version 2: the first line is "# Sphinx inventory version 1"',
    ],
    [
      'an HTML error page',
      Buffer.from('<html>Not found</html>'),
      'not a Sphinx objects.inv: the file ends inside its four header lines',
    ],
    [
      'another project',
      objectsInv(
        [],
        [
          '# Sphinx inventory version 2',
          '# Project: aiohttp',
          '# Version: 3.9',
          '# The remainder of this file is compressed using zlib.',
        ],
      ),
      'not the Python docs\' inventory: the second line is "# Project: aiohttp"',
    ],
    [
      'an uncompressed body',
      objectsInv([], [...PYTHON_HEADER.slice(0, 3), '# plain text follows']),
      'does not announce zlib compression',
    ],
    [
      'a corrupt body',
      Buffer.concat([Buffer.from(`${PYTHON_HEADER.join('\n')}\n`), Buffer.from('asyncio py:module 0 x.html#$ -\n')]),
      'the part after the header is not zlib data',
    ],
  ])('refuses %s', (_what, bytes, message) => {
    expect(() => readObjectsInv(bytes)).toThrow(message);
  });
});

describe('keepVersionFacts', () => {
  const entry = (anchor: string) => ({ page: 'library/asyncio-task.html', anchor });
  const previous = {
    python: '3.15',
    source: 'old',
    base: 'https://docs.python.org/3/',
    objects: {
      'asyncio.TaskGroup': { ...entry('asyncio.TaskGroup'), kind: 'class', added: '3.11' },
      'asyncio.gone': { ...entry('asyncio.gone'), kind: 'function', deprecated: '3.12', removal: '3.14' },
    },
    modules: { asyncio: { ...entry('module-asyncio'), added: '3.4', changed: ['3.7'] } },
    glossary: {},
    labels: {},
  };
  const fresh = {
    ...previous,
    source: 'objects.inv',
    objects: {
      'asyncio.TaskGroup': { ...entry('asyncio.TaskGroup'), kind: 'class' },
      'asyncio.new': { ...entry('asyncio.new'), kind: 'function' },
    },
    modules: { asyncio: entry('module-asyncio') },
  };

  it('keeps the facts of names that still exist, and only theirs', () => {
    const merged = keepVersionFacts(fresh, previous);
    expect(merged.objects).toEqual({
      'asyncio.TaskGroup': { ...entry('asyncio.TaskGroup'), kind: 'class', added: '3.11' },
      'asyncio.new': { ...entry('asyncio.new'), kind: 'function' },
    });
    expect(merged.modules).toEqual({ asyncio: { ...entry('module-asyncio'), added: '3.4', changed: ['3.7'] } });
    expect(merged.source).toBe('objects.inv');
  });
});
