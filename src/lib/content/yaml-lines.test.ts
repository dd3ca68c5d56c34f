import { describe, expect, it } from 'vitest';
import { yamlLineOf } from './yaml-lines';

const LIST = `# paths
- id: start-here
  title: Start here
  steps:
    - note: a
      why: first
    - note: b
      why: second

- id: later
  title: Later
`;

const MAP = `asyncio:
  label: asyncio
threads:
  label: threads
  description: Threads.
`;

describe('yamlLineOf', () => {
  it.each([
    ['start-here', [], 2],
    ['start-here', ['steps', 1, 'note'], 7],
    ['start-here', ['steps', 0], 5],
    ['later', ['title'], 11],
    ['later', ['steps', 4, 'note'], 10],
  ] as const)('finds %s %j in a list on line %i', (id, field, line) => {
    expect(yamlLineOf(LIST, id, field)).toBe(line);
  });

  it('finds entries of a map by key', () => {
    expect(yamlLineOf(MAP, 'threads', ['description'])).toBe(5);
  });

  it('knows nothing of an entry that is not there', () => {
    expect(yamlLineOf(LIST, 'nowhere')).toBeUndefined();
    expect(yamlLineOf('not: [valid', 'x')).toBeUndefined();
  });
});
