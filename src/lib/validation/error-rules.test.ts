import { describe, expect, it } from 'vitest';
import type { CollectedSnippet } from '../content/page-data';
import { formatProblem } from '../content/errors';
import { type ErrorEntryToCheck, errorEntryProblems } from './error-rules';

const snippet = (output: string, extra: Partial<CollectedSnippet> = {}): CollectedSnippet => ({
  line: 12,
  key: '0123456789abcdef',
  run: true,
  apis: [],
  output,
  ...extra,
});

const entry = (data: Partial<ErrorEntryToCheck['data']>, snippets: CollectedSnippet[]): ErrorEntryToCheck => ({
  id: 'no-current-event-loop',
  file: 'content/errors/no-current-event-loop.md',
  data: {
    message: "There is no current event loop in thread '…'.",
    class: 'RuntimeError',
    module: 'asyncio',
    summary: 'x',
    notes: ['asyncio-basics'],
    published: new Date('2026-12-06'),
    draft: false,
    python: '3.14',
    ...data,
  },
  snippets,
});

const targets = { modules: new Set(['asyncio', 'concurrent.futures']), notes: new Set(['asyncio-basics']) };
const check = (value: ErrorEntryToCheck) =>
  errorEntryProblems(value, targets, (field) => ({ message: 2, module: 4, notes: 6, earlier: 9 })[field]).map(
    formatProblem,
  );

describe('errorEntryProblems', () => {
  const today = snippet("RuntimeError: There is no current event loop in thread 'MainThread'.", { python: '3.14' });
  const before = snippet('DeprecationWarning: There is no current event loop', { python: '3.12', until: '3.13' });
  const earlier = [
    { message: 'There is no current event loop', class: 'DeprecationWarning', python: '3.12', until: '3.13' },
  ];

  it('passes an entry whose every message a snippet of the same Pythons reproduces', () => {
    expect(check(entry({ earlier }, [today, before]))).toEqual([]);
  });

  it('stops a message no snippet reproduces, and one whose snippet runs on other Pythons', () => {
    expect(check(entry({ earlier }, [today, { ...before, until: undefined }]))).toMatchInlineSnapshot(`
      [
        "content/errors/no-current-event-loop.md:9: field "earlier" "DeprecationWarning: There is no current event loop" is reproduced by no snippet: add a \`python run python=3.12 until=3.13\` snippet whose output block holds the message (… for what changes from run to run)",
      ]
    `);
    expect(check(entry({}, [{ ...today, run: false }]))).toMatchInlineSnapshot(`
      [
        "content/errors/no-current-event-loop.md:2: field "message" "RuntimeError: There is no current event loop in thread '…'." is reproduced by no snippet: add a \`python run python=3.14\` snippet whose output block holds the message (… for what changes from run to run)",
      ]
    `);
  });

  it('stops a module the docs do not document and a note that is not published', () => {
    expect(
      check(entry({ module: 'asyncio.tasks', notes: ['asyncio-basics', 'gone'] }, [today])),
    ).toMatchInlineSnapshot(`
      [
        "content/errors/no-current-event-loop.md:4: field "module" is "asyncio.tasks", which is no module of the Python docs: write the module as the docs name it, e.g. asyncio, concurrent.futures, multiprocessing",
        "content/errors/no-current-event-loop.md:6: field "notes" lists "gone", which is no published note: use a file name of content/notes/, without .md",
      ]
    `);
  });

  it('finds the reproducer of an exception without text by its class, the whole last line', () => {
    const data = { message: '', class: 'asyncio.queues.QueueFull', python: undefined };
    expect(check(entry(data, [snippet('asyncio.queues.QueueFull\nitems waiting: 2')]))).toEqual([]);
    expect(check(entry(data, [snippet('items waiting: 2')]))).toMatchInlineSnapshot(`
      [
        "content/errors/no-current-event-loop.md:2: field "message" "asyncio.queues.QueueFull" is reproduced by no snippet: add a \`python run\` snippet whose output block holds the message (… for what changes from run to run)",
      ]
    `);
  });

  it('asks a free-threaded message for a free-threaded snippet', () => {
    const gil = snippet("RuntimeWarning: The global interpreter lock (GIL) has been enabled to load module 'x'", {
      python: '3.13',
    });
    const data = {
      message: "The global interpreter lock (GIL) has been enabled to load module '…'",
      class: 'RuntimeWarning',
      python: '3.13',
      'free-threaded': true as const,
    };
    expect(check(entry(data, [gil]))).toHaveLength(1);
    expect(check(entry(data, [{ ...gil, freeThreaded: true }]))).toEqual([]);
  });
});
