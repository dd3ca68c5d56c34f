/**
 * The schema of every collection, tested where it lives: each rule an entry can break, with the
 * message an author reads. Astro's `defineCollection` and `reference()` stand in as what they are to
 * a schema (the config itself, an id turned into `{ collection, id }`); one build per kind of file
 * (tests/bad-input.test.ts) proves Astro applies these schemas and names the file.
 */
import { z } from 'astro/zod';
import { describe, expect, it, vi } from 'vitest';

vi.mock('astro:content', () => ({
  defineCollection: <T>(config: T) => config,
  reference: (collection: string) => z.string().transform((id) => ({ collection, id })),
}));

const { collections } = await import('./content.config');

/** What the schema of `collection` says of `entry`: one line per issue, the field first; none when it passes. */
function issuesOf(collection: keyof typeof collections, entry: Record<string, unknown>): string[] {
  const { schema } = collections[collection] as unknown as { schema: z.ZodType };
  const result = schema.safeParse(entry);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

/** `base` with each key of `change` set, or left out where it is undefined. */
const changed = (base: Record<string, unknown>, change: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries({ ...base, ...change }).filter(([key, value]) => !(key in change && value === undefined)),
  );

const CHECKED = { python: '3.15', on: '2026-11-30' };

describe('a note', () => {
  const note = {
    title: 'Alpha: gather two coroutines',
    summary: 'A fixture note with a runnable snippet and GFM features.',
    tags: ['asyncio'],
    published: '2026-09-01',
    checked: CHECKED,
  };

  it('as the fixture writes it passes', () => {
    expect(issuesOf('notes', note)).toEqual([]);
  });

  it('names each broken field and what it must be', () => {
    const cases = {
      'no title': { title: undefined },
      'an empty title': { title: '  ' },
      'a long title': { title: 'A title that goes on. '.repeat(5) },
      'no summary': { summary: undefined },
      'a summary longer than one sentence': { summary: 'Too long. '.repeat(30) },
      'no tags': { tags: [] },
      'a date that is no date': { published: 'last Tuesday' },
      'a Python version as a number': { python: 3.11 },
      'no checked': { checked: undefined },
      'checked without a day': { checked: { python: '3.15' } },
      'a field the schema does not know': { author: 'Ana' },
    };
    expect(
      Object.fromEntries(
        Object.entries(cases).map(([name, change]) => [name, issuesOf('notes', changed(note, change))]),
      ),
    ).toMatchInlineSnapshot(`
      {
        "a Python version as a number": [
          "python: must be a Python version such as "3.11" (quoted)",
        ],
        "a date that is no date": [
          "published: must be a date written as YYYY-MM-DD",
        ],
        "a field the schema does not know": [
          ": Unrecognized key: "author"",
        ],
        "a long title": [
          "title: must be at most 90 characters",
        ],
        "a summary longer than one sentence": [
          "summary: must be at most 200 characters: one sentence",
        ],
        "an empty title": [
          "title: must not be empty",
        ],
        "checked without a day": [
          "checked.on: must be a date written as YYYY-MM-DD",
        ],
        "no checked": [
          "checked: is required: the Python release it was last checked against and the day, e.g. { python: "3.15", on: 2026-11-30 }",
        ],
        "no summary": [
          "summary: is required: one sentence shown in lists and as the meta description",
        ],
        "no tags": [
          "tags: needs at least one tag from content/tags.yaml",
        ],
        "no title": [
          "title: is required: the note title, as plain text",
        ],
      }
    `);
  });
});

describe('an error entry', () => {
  const entry = {
    message: 'Event loop is closed',
    class: 'RuntimeError',
    module: 'asyncio',
    summary: 'Work was handed to an event loop after it was closed.',
    notes: ['alpha'],
    published: '2026-12-06',
    checked: CHECKED,
  };

  it('as the fixture writes it passes', () => {
    expect(issuesOf('errors', entry)).toEqual([]);
  });

  it('names each broken field and what it must be', () => {
    const cases = {
      'a message of two lines': { message: 'Event loop\nis closed' },
      'a class that is no class name': { class: 'Runtime Error' },
      'a module that is no module name': { module: 'Asyncio' },
      'no note to read next': { notes: [] },
      'five notes to read next': { notes: ['a', 'b', 'c', 'd', 'e'] },
      'an earlier message without until': { earlier: [{ message: 'Event loop closed' }] },
      'free-threaded set to false': { 'free-threaded': false },
    };
    expect(
      Object.fromEntries(
        Object.entries(cases).map(([name, change]) => [name, issuesOf('errors', changed(entry, change))]),
      ),
    ).toMatchInlineSnapshot(`
      {
        "a class that is no class name": [
          "class: must be a class name as a traceback prints it, e.g. RuntimeError",
        ],
        "a message of two lines": [
          "message: must be one line: the first line of the message",
        ],
        "a module that is no module name": [
          "module: must be a module name such as concurrent.futures",
        ],
        "an earlier message without until": [
          "earlier.0.until: must be a Python version such as "3.11" (quoted)",
        ],
        "five notes to read next": [
          "notes: lists at most four notes",
        ],
        "free-threaded set to false": [
          "free-threaded: is true or left out",
        ],
        "no note to read next": [
          "notes: needs at least one note to read next",
        ],
      }
    `);
  });
});

describe('a reference', () => {
  const reference = {
    id: 'pep-525',
    url: 'https://peps.python.org/pep-0525/',
    title: 'PEP 525 – Asynchronous Generators',
    kind: 'pep',
    author: 'Yury Selivanov',
    year: 2016,
    python: '3.6',
    summary: 'Adds async generators: `yield` inside `async def`.',
  };

  it('as the fixture writes it passes', () => {
    expect(issuesOf('references', reference)).toEqual([]);
  });

  it('names each broken field and what it must be', () => {
    const cases = {
      'no author': { author: undefined },
      'a kind the site does not have': { kind: 'blogpost' },
      'a relative URL': { url: 'pep-0525/' },
      'a year as text': { year: 'twenty sixteen' },
      'an id that is not kebab-case': { id: 'PEP 525' },
      'an entry cut off after its kind': { author: undefined, year: undefined, python: undefined, summary: undefined },
    };
    expect(
      Object.fromEntries(
        Object.entries(cases).map(([name, change]) => [name, issuesOf('references', changed(reference, change))]),
      ),
    ).toMatchInlineSnapshot(`
      {
        "a kind the site does not have": [
          "kind: must be one of official-doc, pep, library-doc, article, talk, slides, book, qa, tool",
        ],
        "a relative URL": [
          "url: must be an absolute http(s) URL, e.g. https://docs.python.org/3/library/asyncio.html",
        ],
        "a year as text": [
          "year: is required: the year it was published or last revised, e.g. 2025",
        ],
        "an entry cut off after its kind": [
          "author: is required: a person, a team or an organisation",
          "year: is required: the year it was published or last revised, e.g. 2025",
          "summary: is required: our one-line annotation",
        ],
        "an id that is not kebab-case": [
          "id: must be kebab-case: lower-case letters, digits and hyphens",
        ],
        "no author": [
          "author: is required: a person, a team or an organisation",
        ],
      }
    `);
  });
});

describe('a reading path and a tag', () => {
  const path = {
    id: 'start-here',
    position: 0,
    title: 'Start here',
    intro: 'Two fixture notes in the order a newcomer reads them.',
    steps: [
      { note: 'alpha', why: 'Coroutines side by side with gather.' },
      { note: 'beta', why: 'The same ideas written in MDX.' },
    ],
  };

  it('as the fixture writes them pass', () => {
    expect(issuesOf('paths', path)).toEqual([]);
    expect(issuesOf('tags', { label: 'asyncio', description: 'The event loop, coroutines and tasks.' })).toEqual([]);
  });

  it('name each broken field and what it must be', () => {
    const cases = {
      'a path without steps': issuesOf('paths', changed(path, { steps: [] })),
      'a path with a field the schema does not know': issuesOf('paths', changed(path, { colour: 'blue' })),
      'a step without its reason': issuesOf('paths', changed(path, { steps: [{ note: 'alpha' }, { note: 'beta' }] })),
      'a tag without a label': issuesOf('tags', { description: 'Threads.' }),
    };
    expect(cases).toMatchInlineSnapshot(`
      {
        "a path with a field the schema does not know": [
          ": Unrecognized key: "colour"",
        ],
        "a path without steps": [
          "steps: needs at least two steps",
        ],
        "a step without its reason": [
          "steps.0.why: is required: one line on why this step comes here",
          "steps.1.why: is required: one line on why this step comes here",
        ],
        "a tag without a label": [
          "label: is required: the name readers see, e.g. asyncio",
        ],
      }
    `);
  });
});
