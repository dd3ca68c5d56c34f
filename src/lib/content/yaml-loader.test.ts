import { describe, expect, it } from 'vitest';
import { readYamlEntries } from './yaml-loader';

const FILE = 'content/references.yaml';

describe('readYamlEntries', () => {
  it('reads a list of entries by their id, and a map by its keys', () => {
    expect(readYamlEntries('- id: a\n  title: A\n- id: b\n  title: B\n', FILE)).toEqual([
      { id: 'a', data: { id: 'a', title: 'A' } },
      { id: 'b', data: { id: 'b', title: 'B' } },
    ]);
    expect(readYamlEntries('asyncio:\n  label: asyncio\n', 'content/tags.yaml')).toEqual([
      { id: 'asyncio', data: { label: 'asyncio' } },
    ]);
  });

  it('keeps dates as the author wrote them (YAML 1.2)', () => {
    expect(readYamlEntries('- id: a\n  when: 2024-13-40\n', FILE)).toEqual([
      { id: 'a', data: { id: 'a', when: '2024-13-40' } },
    ]);
  });

  it.each([
    [
      'broken YAML',
      '- id: a\n  title: [unclosed\n',
      [{ file: FILE, line: 3, message: expect.stringMatching(/^is not valid YAML/) }],
    ],
    [
      'an entry without id',
      '- id: a\n- title: B\n',
      [{ file: FILE, line: 2, field: 'id', message: expect.stringContaining('is required') }],
    ],
    [
      'a repeated id',
      '- id: a\n- id: b\n- id: a\n',
      [{ file: FILE, line: 3, field: 'id', message: '"a" is already used on line 1: ids must be unique' }],
    ],
    ['an empty file', '', [{ file: FILE, message: 'holds no entries: add at least one' }]],
    [
      'a scalar',
      'just text\n',
      [{ file: FILE, line: 1, message: expect.stringContaining('must be a list of entries') }],
    ],
    [
      'an entry that is not a mapping',
      'a: 1\n',
      [{ file: FILE, line: 1, message: 'entry "a" must be a set of `field: value` lines' }],
    ],
  ])('refuses %s, naming the file and line', (_name, text, problems) => {
    expect(readYamlEntries(text, FILE)).toEqual(problems);
  });
});
