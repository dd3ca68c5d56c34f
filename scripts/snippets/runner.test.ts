import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findPython } from './python';
import { checkSnippets, summarise } from './runner';
import type { Snippet } from '../../src/lib/snippets/extract';

// The opening fence is on line 10 of the note, so the snippet's first line is line 11.
const snippet = (code: string, extra: Partial<Snippet> = {}): Snippet => ({
  file: 'content/notes/x.md',
  line: 10,
  code,
  meta: { run: false },
  ...extra,
});
const run = (code: string, expectedOutput: string, extra: Partial<Snippet['meta']> = {}) =>
  snippet(code, { meta: { run: true, ...extra }, expectedOutput });

const python = await findPython();

const check = (snippets: Snippet[], timeoutMs = 10_000) => checkSnippets(snippets, { ...python, timeoutMs });

describe('checkSnippets with a real python3', () => {
  it.each([
    ['prints its output block', 'for i in range(3):\n    print(i)', '0\n1\n2'],
    ['prints no final newline', 'print("done", end="")', 'done'],
    ['prints a long non-ASCII text', 'print("naïve → ✓ " * 20_000)', 'naïve → ✓ '.repeat(20_000)],
    ['prints sets of strings in the same order on every run', 'import sys\nprint(sys.flags.hash_randomization)', '0'],
  ])('passes a snippet that %s', async (_, code, output) => {
    const [result] = await check([run(code, output)]);
    expect(result?.outcome).toEqual({ status: 'passed', compiled: true, ran: true });
  });

  it('fails a syntax error at the line of the note it is on', async () => {
    const [result] = await check([snippet('x = 1\ndef broken(:\n    pass')]);
    expect(result?.outcome).toEqual({
      status: 'failed',
      reason: 'SyntaxError: invalid syntax',
      line: 12,
      compiled: false,
      ran: false,
    });
  });

  it.each([
    ['a different line', 'print("hello")\nprint("world")', 'hello\nthere', ['-there', '+world']],
    // Astro drops one final newline of a block, so two are one blank line on the page.
    ['a blank line the program does not print', 'print("hello")', 'hello\n\n', ['-', ' hello']],
  ])('fails an output block with %s and shows the diff', async (_, code, output, lines) => {
    const [result] = await check([run(code, output)]);
    expect(result?.outcome).toMatchObject({ status: 'failed', ran: true });
    expect(result?.outcome.reason?.split('\n')).toEqual(
      expect.arrayContaining(['--- expected (the output block)', '+++ actual (stdout)', ...lines]),
    );
  });

  it('passes output whose variable parts the block marks with …, and fails one whose fixed parts differ', async () => {
    const code = 'import asyncio\nasync def main():\n    return 1\nc = main()\nprint(repr(c))\nc.close()';
    const [matched, differs] = await check([
      run(code, '<coroutine object main at 0x…>'),
      run(code, '<coroutine object other at 0x…>'),
    ]);
    expect(matched?.outcome).toEqual({ status: 'passed', compiled: true, ran: true });
    expect(differs?.outcome).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('+<coroutine object main at 0x'),
    });
  });

  it('skips a snippet for older Pythons (until=) and one for free-threaded builds on this one', async () => {
    const results = await check([
      run('print(1)', '1', { maxPython: '3.9' }),
      run('print(1)', '1', { freeThreaded: true }),
    ]);
    expect(results.map(({ outcome }) => outcome)).toEqual([
      { status: 'skipped', reason: `runs on Python 3.9 and older, have ${python.version}`, compiled: true, ran: false },
      { status: 'skipped', reason: `needs a free-threaded build, have ${python.build}`, compiled: true, ran: false },
    ]);
  });

  it('fails a snippet that runs too long, and kills it', async () => {
    const started = Date.now();
    const [result] = await check([run('while True:\n    pass', '')], 1_000);
    expect(result?.outcome).toMatchObject({ status: 'failed', reason: 'time-out: did not finish within 1 s (killed)' });
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it('fails a snippet that raises, with the end of the traceback pointing into the note', async () => {
    const [result] = await check([run('x = 1\nraise ValueError("boom")', '')]);
    expect(result?.outcome.reason).toMatch(
      /^exited with status 1:\n[\s\S]*content\/notes\/x\.md:12[\s\S]*ValueError: boom$/,
    );
  });

  it('skips a run snippet that needs a newer Python, and never counts it as passed', async () => {
    const results = await check([run('print("from the future")', 'from the future', { minPython: '3.99' })]);
    expect(results[0]?.outcome).toEqual({
      status: 'skipped',
      reason: `needs Python 3.99, have ${python.version}`,
      compiled: true,
      ran: false,
    });
    expect(summarise(results)).toEqual({ total: 1, compiled: 1, ran: 0, matched: 0, failed: 0, skipped: 1 });
  });

  it('skips, not fails, a snippet whose syntax the local Python is too old for', async () => {
    const [result] = await check([
      snippet('match = lambda: (yield from)', { meta: { run: false, minPython: '3.99' } }),
    ]);
    expect(result?.outcome).toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining('needs Python 3.99'),
      compiled: false,
    });
  });

  it('skips norun snippets with their reason, after compiling them', async () => {
    const [result] = await check([snippet('while True:\n    pass', { meta: { run: false, norun: 'loops forever' } })]);
    expect(result?.outcome).toEqual({ status: 'skipped', reason: 'norun: loops forever', compiled: true, ran: false });
  });

  it('fails a snippet whose meta the extractor refused', async () => {
    const [result] = await check([snippet('pass', { problem: 'unknown word "verbose"' })]);
    expect(result?.outcome).toMatchObject({ status: 'failed', reason: 'unknown word "verbose"' });
  });

  it('sums up compiled, ran, matched, failed and skipped', async () => {
    const results = await check([
      run('print(1)', '1'),
      run('print(2)', '3'),
      snippet('pass'),
      snippet('pass', { meta: { run: false, norun: 'server' } }),
      snippet('def ('),
    ]);
    expect(summarise(results)).toEqual({ total: 5, compiled: 4, ran: 2, matched: 1, failed: 2, skipped: 1 });
  });
});

describe('findPython', () => {
  const saved = process.env['PYTHON'];
  afterEach(() => {
    if (saved === undefined) delete process.env['PYTHON'];
    else process.env['PYTHON'] = saved;
  });

  it('uses $PYTHON, and says how to install Python when it is not there', async () => {
    process.env['PYTHON'] = '/nonexistent';
    await expect(findPython()).rejects.toThrow(
      '/nonexistent not found: install it (Debian/Ubuntu: apt-get install python3; macOS: brew install python) or set PYTHON=/path/to/python3',
    );
  });

  it('reports the major.minor version of the python it found', () => {
    expect(python.version).toMatch(/^3\.\d+$/);
  });

  it('runs snippets with the interpreter itself, not a wrapper (a version manager’s shim) around it', async () => {
    const shim = join(await mkdtemp(join(tmpdir(), 'shim-')), 'python3');
    await writeFile(shim, `#!/bin/sh\nexec ${python.python} "$@"\n`, { mode: 0o755 });
    process.env['PYTHON'] = shim;
    const found = await findPython();
    expect(found.python).not.toBe(shim);
    expect(found).toEqual(python);
  });
});
