import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readObjectsInv } from './objects-inv';

function objectsInv(lines: string[], header = ['# Sphinx inventory version 2', '# Project: Python', '# Version: 3.14', '# The remainder of this file is compressed using zlib.']): Buffer {
  return Buffer.concat([Buffer.from(`${header.join('\n')}\n`), deflateSync(Buffer.from(`${lines.join('\n')}\n`))]);
}

const FIXTURE = objectsInv([
  'asyncio py:module 0 library/asyncio.html#module-$ -',
  'asyncio.TaskGroup py:class 1 library/asyncio-task.html#$ -',
  'asyncio.TaskGroup.create_task py:method 1 library/asyncio-task.html#$ -',
  'asyncio.loop.run_in_executor py:method 1 library/asyncio-eventloop.html#$ -',
  'asyncio.CancelledError py:exception 1 library/asyncio-exceptions.html#$ -',
  'global interpreter lock std:term -1 glossary.html#term-global-interpreter-lock Global Interpreter Lock',
  'gil std:term -1 glossary.html#term-GIL GIL',
  'asyncio-debug-mode std:label -1 library/asyncio-dev.html#$ Debug Mode',
  'genindex std:label -1 genindex.html General Index',
  'sys.flags py:data 1 library/sys.html#$ -',
]);

describe('readObjectsInv', () => {
  const inventory = readObjectsInv(FIXTURE, { source: 'fixture' });

  it('reads the version from the header', () => {
    expect(inventory).toMatchObject({ python: '3.14', source: 'fixture', base: 'https://docs.python.org/3/' });
  });

  it('expands $ to the name and sorts entries into modules, objects, glossary and labels', () => {
    expect(inventory.modules).toEqual({ asyncio: { page: 'library/asyncio.html', anchor: 'module-asyncio' } });
    expect(inventory.objects['asyncio.TaskGroup']).toEqual({ page: 'library/asyncio-task.html', anchor: 'asyncio.TaskGroup', kind: 'class' });
    expect(inventory.objects['asyncio.loop.run_in_executor']?.kind).toBe('method');
    expect(inventory.objects['sys.flags']).toEqual({ page: 'library/sys.html', anchor: 'sys.flags', kind: 'data' });
    expect(Object.keys(inventory.objects)).toEqual([...Object.keys(inventory.objects)].sort());
  });

  it('keeps glossary terms with spaces under their display name', () => {
    expect(inventory.glossary).toEqual({
      'Global Interpreter Lock': { page: 'glossary.html', anchor: 'term-global-interpreter-lock' },
      GIL: { page: 'glossary.html', anchor: 'term-GIL' },
    });
  });

  it('keeps labels that point into a page, not whole pages', () => {
    expect(inventory.labels).toEqual({ 'asyncio-debug-mode': { page: 'library/asyncio-dev.html', anchor: 'asyncio-debug-mode' } });
  });

  it.each([
    [Buffer.from('# Sphinx inventory version 1\n# Project: X\n# Version: 1\nx py:module 0 x.html -\n'), 'not a Sphinx objects.inv version 2'],
    [Buffer.from('<html>Not found</html>'), 'ends inside its four header lines'],
    [objectsInv([], ['# Sphinx inventory version 2', '# Project: Python', '# Version: 3.14', '# plain text follows']), 'does not announce zlib'],
  ])('refuses a file that is not a version 2 inventory (%#)', (bytes, message) => {
    expect(() => readObjectsInv(bytes)).toThrow(message);
  });
});
