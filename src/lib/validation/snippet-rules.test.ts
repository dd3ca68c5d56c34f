import { describe, expect, it } from 'vitest';
import type { CollectedSnippet } from '../content/page-data';
import { formatProblem } from '../content/errors';
import { snippetProblems } from './snippet-rules';

const cancel = { name: 'asyncio.TaskGroup.cancel', kind: 'method', line: 42, added: '3.15' };
const policy = {
  name: 'asyncio.set_event_loop_policy',
  kind: 'function',
  line: 50,
  deprecated: '3.14',
  removal: '3.16',
};
const snippet = (extra: Partial<CollectedSnippet>): CollectedSnippet => ({
  line: 40,
  key: '0123456789abcdef',
  run: true,
  apis: [],
  ...extra,
});
const check = (snippets: CollectedSnippet[], notePython?: string) =>
  snippetProblems(snippets, notePython, 'content/notes/asyncio-basics.md').map(formatProblem);

describe('snippetProblems', () => {
  it('stops a snippet that uses an API newer than the Python it declares', () => {
    expect(check([snippet({ python: '3.11', apis: [cancel] })])).toMatchInlineSnapshot(`
      [
        "content/notes/asyncio-basics.md:42: asyncio.TaskGroup.cancel() needs Python 3.15, the snippet declares 3.11",
      ]
    `);
  });

  it("falls back to the note's python:, then to the oldest supported Python", () => {
    expect(check([snippet({ apis: [cancel] })], '3.12')).toEqual([
      'content/notes/asyncio-basics.md:42: asyncio.TaskGroup.cancel() needs Python 3.15, the note declares 3.12 (python:) and the snippet no python=',
    ]);
    expect(
      check([snippet({ run: false, apis: [{ ...cancel, added: '3.11', name: 'asyncio.TaskGroup', kind: 'class' }] })]),
    ).toEqual([
      'content/notes/asyncio-basics.md:42: asyncio.TaskGroup needs Python 3.11, the site supports 3.10 and neither the note nor the snippet declares more',
    ]);
  });

  it('passes a newer API that the snippet uses only behind hasattr()', () => {
    expect(check([snippet({ python: '3.11', apis: [{ ...cancel, guarded: true }] })])).toEqual([]);
  });

  it('passes an API as new as the declared Python, and bug-fix releases count as their feature release', () => {
    expect(check([snippet({ python: '3.15', apis: [cancel] })])).toEqual([]);
    expect(check([snippet({ python: '3.12', apis: [{ ...cancel, added: '3.12.5' }] })])).toEqual([]);
  });

  it('stops a runnable snippet that calls a deprecated API unless its fence says why', () => {
    expect(check([snippet({ apis: [policy] })])).toMatchInlineSnapshot(`
      [
        "content/notes/asyncio-basics.md:50: asyncio.set_event_loop_policy() is deprecated since 3.14 and goes in 3.16: a runnable snippet calls it only with deprecated="why" in its fence",
      ]
    `);
    expect(check([snippet({ deprecated: 'shows the old way', apis: [policy] })])).toEqual([]);
    expect(check([snippet({ run: false, apis: [policy] })])).toEqual([]);
  });
});
