import { describe, expect, it } from 'vitest';
import type { PythonInventory } from './inventory';
import { releaseChanges } from './changes';

const entry = (anchor: string, facts: object = {}) => ({
  page: 'library/asyncio-task.html',
  anchor,
  kind: 'method',
  ...facts,
});
const inventory: PythonInventory = {
  python: '3.15',
  source: 'test',
  base: 'https://docs.python.org/3/',
  objects: {
    'asyncio.TaskGroup': entry('asyncio.TaskGroup', { kind: 'class', added: '3.11' }),
    'asyncio.TaskGroup.cancel': entry('asyncio.TaskGroup.cancel', { added: '3.15' }),
    'threading.serialize_iterator': entry('threading.serialize_iterator', { kind: 'class', added: '3.15' }),
    'asyncio.run': entry('asyncio.run', { kind: 'function', changed: ['3.10', '3.12.5'] }),
    'asyncio.set_event_loop_policy': entry('asyncio.set_event_loop_policy', { deprecated: '3.14', removal: '3.16' }),
    'sys.remote_exec': entry('sys.remote_exec', { kind: 'function', added: '3.14' }),
    'sys.getrefcount': entry('sys.getrefcount', { kind: 'function', added: '3.14' }),
    'json.dumps': entry('json.dumps', { kind: 'function', added: '3.15' }),
  },
  modules: {
    'concurrent.interpreters': {
      page: 'library/concurrent.interpreters.html',
      anchor: 'module-concurrent.interpreters',
      added: '3.14',
    },
  },
  glossary: {},
  labels: {},
};

describe('releaseChanges', () => {
  const mentions = new Map([['asyncio.TaskGroup.cancel', ['taskgroups']]]);
  const changes = releaseChanges(inventory, mentions);
  const of = (release: string) => changes.find((change) => change.release === release);

  it('lists each concurrency API under the releases that added, changed and deprecated it, newest first', () => {
    expect(changes.map((change) => change.release)).toEqual([
      '3.15',
      '3.14',
      '3.13',
      '3.12',
      '3.11',
      '3.10',
      '3.9',
      '3.8',
    ]);
    expect(of('3.15')?.added.map((api) => api.name)).toEqual([
      'asyncio.TaskGroup.cancel',
      'threading.serialize_iterator',
    ]);
    expect(of('3.14')?.added.map((api) => api.name)).toEqual(['concurrent.interpreters', 'sys.remote_exec']);
    expect(of('3.14')?.deprecated).toEqual([
      expect.objectContaining({ name: 'asyncio.set_event_loop_policy', removal: '3.16' }),
    ]);
    expect(of('3.12')?.changed.map((api) => api.name)).toEqual(['asyncio.run']);
    expect(of('3.11')?.added.map((api) => api.name)).toEqual(['asyncio.TaskGroup']);
  });

  it('links each API to its docs anchor and to the notes that name it', () => {
    expect(of('3.15')?.added[0]).toEqual({
      name: 'asyncio.TaskGroup.cancel',
      url: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.TaskGroup.cancel',
      kind: 'method',
      notes: ['taskgroups'],
      uncovered: false,
    });
  });

  it('marks what the last two releases added and no note names as not covered yet', () => {
    expect(
      of('3.15')
        ?.added.filter((api) => api.uncovered)
        .map((api) => api.name),
    ).toEqual(['threading.serialize_iterator']);
    expect(of('3.11')?.added.filter((api) => api.uncovered)).toEqual([]);
  });
});
