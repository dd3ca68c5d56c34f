import { describe, expect, it } from 'vitest';
import {
  marksOf,
  mergeRuns,
  parseSnippetRecords,
  type SnippetRecords,
  serializeSnippetRecords,
  snippetKey,
} from './records';

const cpython = (status: 'matched' | 'compiled' | 'skipped' | 'failed', python = '3.11.7') => ({
  build: 'cpython' as const,
  python,
  status,
});
const wasm = (status: 'matched' | 'compiled' | 'skipped' | 'failed') => ({
  build: 'webassembly' as const,
  python: '3.14.2',
  status,
});

describe('snippetKey', () => {
  it('changes with the code or the output, not with line ends or the final newline', () => {
    expect(snippetKey('print(1)\n', '1\n')).toBe(snippetKey('print(1)', '1'));
    expect(snippetKey('print(1)\r\n', '1')).toBe(snippetKey('print(1)', '1'));
    expect(snippetKey('print(2)', '1')).not.toBe(snippetKey('print(1)', '1'));
    expect(snippetKey('print(1)', '2')).not.toBe(snippetKey('print(1)', '1'));
    expect(snippetKey('x = 1', undefined)).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('mergeRuns', () => {
  const a = { key: snippetKey('a', undefined), note: 'content/notes/a.md', line: 3 };
  const b = { key: snippetKey('b', undefined), note: 'content/notes/b.md', line: 9 };
  const previous: SnippetRecords = {
    snippets: {
      [a.key]: {
        note: a.note,
        line: 3,
        runs: [cpython('matched', '3.11.6'), { build: 'cpython', python: '3.13.1', status: 'matched' }],
      },
      gone000000000000: { note: 'content/notes/old.md', line: 1, runs: [cpython('matched')] },
    },
  };

  it("replaces an interpreter's run, keeps the other interpreters' and drops snippets that are gone", () => {
    const next = mergeRuns(
      previous,
      [a, b],
      new Map([
        [a.key, cpython('failed')],
        [b.key, cpython('compiled')],
      ]),
    );
    expect(next.snippets[a.key]?.runs).toEqual([
      { build: 'cpython', python: '3.13.1', status: 'matched' },
      cpython('failed'),
    ]);
    expect(next.snippets[b.key]).toEqual({ note: b.note, line: 9, runs: [cpython('compiled')] });
    expect(Object.keys(next.snippets)).toEqual([a.key, b.key]);
  });
});

describe('the records file', () => {
  const records: SnippetRecords = {
    snippets: {
      [snippetKey('b', undefined)]: {
        note: 'content/notes/b.md',
        line: 9,
        runs: [wasm('compiled'), cpython('compiled')],
      },
      [snippetKey('a', undefined)]: { note: 'content/notes/a.md', line: 3, runs: [cpython('matched')] },
    },
  };

  it('survives a write and a read, and is written the same whatever order it was built in', () => {
    const text = serializeSnippetRecords(records);
    expect(parseSnippetRecords(JSON.parse(text), 'x.json')).toEqual(parseSnippetRecords(JSON.parse(text), 'x.json'));
    expect(serializeSnippetRecords(parseSnippetRecords(JSON.parse(text), 'x.json'))).toBe(text);
    expect(text.indexOf('a.md')).toBeLessThan(text.indexOf('b.md'));
    expect(text.indexOf('"cpython"', text.indexOf('b.md'))).toBeLessThan(text.indexOf('"webassembly"'));
    expect(text.endsWith('}\n')).toBe(true);
  });

  it.each([
    [{ snippets: { nothex: { note: 'a', line: 1, runs: [] } } }, 'field "snippets.nothex"'],
    [
      {
        snippets: {
          '0123456789abcdef': { note: 'a', line: 1, runs: [{ build: 'jython', python: '3.11.7', status: 'matched' }] },
        },
      },
      'build',
    ],
    [{ snippets: {}, extra: 1 }, 'extra'],
  ])('refuses a broken file, naming it and the field (%#)', (data, message) => {
    expect(() => parseSnippetRecords(data, 'content/snippet-runs.json')).toThrow('content/snippet-runs.json:');
    expect(() => parseSnippetRecords(data, 'content/snippet-runs.json')).toThrow(message);
  });
});

describe('marksOf', () => {
  it('lists the releases that ran it, and apart those that only compiled it', () => {
    expect(marksOf([cpython('matched'), wasm('matched'), cpython('matched', '3.13.1')])).toEqual({
      ran: ['3.11', '3.13', '3.14'],
      compiled: [],
    });
    expect(marksOf([cpython('compiled'), wasm('compiled')])).toEqual({ ran: [], compiled: ['3.11', '3.14'] });
    expect(marksOf([cpython('skipped'), wasm('failed')])).toEqual({ ran: [], compiled: [] });
  });

  it('names a free-threaded build 3.14t, after the default builds, and keeps it apart from 3.14', () => {
    const threaded = (python: string) => ({ build: 'free-threaded' as const, python, status: 'matched' as const });
    expect(
      marksOf([
        threaded('3.15.0'),
        cpython('matched', '3.15.0'),
        threaded('3.14.1'),
        wasm('matched'),
        cpython('matched'),
      ]),
    ).toEqual({ ran: ['3.11', '3.14', '3.15', '3.14t', '3.15t'], compiled: [] });
  });
});
