import { describe, expect, it } from 'vitest';
import { type JobFile, jobRecords, mergeJobFiles } from './job-records';
import { type Build, marksOf, type SnippetRecords, snippetKey } from './records';

const a = { key: snippetKey('print(1)', '1'), note: 'content/notes/a.md', line: 3 };
const b = { key: snippetKey('x = 1', undefined), note: 'content/notes/b.md', line: 9 };

const job = (build: Build, python: string, file = `snippet-runs.${python}.json`): JobFile => ({
  file,
  records: jobRecords(
    [a, b],
    { build, python },
    new Map([
      [a.key, { build, python, status: 'matched' as const }],
      [b.key, { build, python, status: 'compiled' as const }],
    ]),
  ),
});

const MATRIX = ['3.11', '3.13', '3.14', '3.15', '3.14t', '3.15t'];
const jobs = () => [
  job('cpython', '3.11.14'),
  job('cpython', '3.13.9'),
  job('cpython', '3.14.1'),
  job('cpython', '3.15.0'),
  job('free-threaded', '3.14.1'),
  job('free-threaded', '3.15.0'),
];

// What is committed: runs made on a contributor's machine, older than the matrix's.
const committed: SnippetRecords = {
  snippets: {
    [a.key]: {
      ...a,
      runs: [
        { build: 'cpython', python: '3.11.7', status: 'failed' },
        { build: 'webassembly', python: '3.14.2', status: 'matched' },
      ],
    },
  },
};

describe('mergeJobFiles', () => {
  it('adds each job’s runs, the matrix’s replacing older runs of the same interpreter, and keeps the others', () => {
    const merged = mergeJobFiles(committed, [a, b], jobs(), MATRIX);
    expect(merged.snippets[a.key]?.runs.filter((run) => run.python.startsWith('3.11'))).toEqual([
      { build: 'cpython', python: '3.11.14', status: 'matched' },
    ]);
    expect(marksOf(merged.snippets[a.key]?.runs ?? [])).toEqual({
      ran: ['3.11', '3.13', '3.14', '3.15', '3.14t', '3.15t'],
      compiled: [],
    });
    expect(marksOf(merged.snippets[b.key]?.runs ?? []).compiled).toEqual(MATRIX);
    expect(merged.madeBy).toBeUndefined();
  });

  it('refuses a file that carries a run of an interpreter that did not make it', () => {
    const [first, ...rest] = jobs();
    if (!first) throw new Error('no job');
    const record = first.records.snippets[a.key];
    if (!record) throw new Error('no record');
    record.runs = [{ build: 'cpython', python: '3.11.7', status: 'matched' }, ...record.runs];
    expect(() => mergeJobFiles(committed, [a, b], [first, ...rest], MATRIX)).not.toThrow();
    record.runs = [{ build: 'cpython', python: '3.13.1', status: 'matched' }];
    expect(() => mergeJobFiles(committed, [a, b], [first, ...rest], MATRIX)).toThrow(
      'snippet-runs.3.11.14.json: made by Python 3.11 (cpython) but carries a run of Python 3.13 (cpython) for ' +
        'content/notes/a.md:3',
    );
  });

  it('refuses a free-threaded run in a file the default build made, and the other way round', () => {
    const files = jobs();
    const threaded = files[4]?.records.snippets[a.key];
    if (!threaded) throw new Error('no record');
    threaded.runs = [{ build: 'cpython', python: '3.14.1', status: 'matched' }];
    expect(() => mergeJobFiles(committed, [a, b], files, MATRIX)).toThrow(
      'made by Python 3.14t (free-threaded) but carries a run of Python 3.14 (cpython)',
    );
  });

  it('fails when fewer files arrive than the matrix promised, naming the missing ones', () => {
    expect(() => mergeJobFiles(committed, [a, b], jobs().slice(0, 4), MATRIX)).toThrow(
      'expected the runs of Python 3.11, 3.13, 3.14, 3.15, 3.14t, 3.15t; none arrived from 3.14t, 3.15t',
    );
  });

  it('fails on two files of one interpreter, a file the matrix does not list, and one no job wrote', () => {
    const files = [...jobs(), job('cpython', '3.14.0', 'copy.json'), job('cpython', '3.12.4')];
    const unsigned: JobFile = { file: 'content/snippet-runs.json', records: committed };
    expect(() => mergeJobFiles(committed, [a, b], [...files, unsigned], MATRIX)).toThrow(
      [
        'copy.json: a second file of Python 3.14, after snippet-runs.3.14.1.json',
        'content/snippet-runs.json: does not say which interpreter made it: write it with ' +
          '`npm run snippets -- --only-python`',
        'runs of Python 3.12, which the matrix does not list',
      ].join('\n'),
    );
  });
});
