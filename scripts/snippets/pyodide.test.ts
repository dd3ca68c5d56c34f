import { describe, expect, it } from 'vitest';
import type { Snippet } from '../../src/lib/snippets/extract';
import { memoized } from '../../src/lib/content/memo';
import { SNIPPET_CHECK_MS, testTimeout, within } from '../../tests/helpers/limits';
import { checkSnippetsWithPyodide as check, WASM_CANNOT } from './pyodide';

const snippet = (code: string, expectedOutput: string | undefined, meta: Snippet['meta'] = { run: true }): Snippet => ({
  file: 'content/notes/x.md',
  line: 10,
  code,
  meta,
  ...(expectedOutput === undefined ? {} : { expectedOutput }),
});

/** Asyncio that runs, output that differs, threads WebAssembly cannot start, syntax that fails and that compiles. */
const RUNS_AND_SKIPS: Snippet[] = [
  snippet(
    'import asyncio\n\nasync def main():\n    async with asyncio.TaskGroup() as tg:\n        t = tg.create_task(asyncio.sleep(0.01, result="done"))\n    print(t.result())\n\nasyncio.run(main())\n',
    'done',
  ),
  snippet('print("something else")\n', 'expected'),
  snippet('import threading\nthreading.Thread(target=print).start()\n', ''),
  snippet('x = (1,\n', undefined, { run: false }),
  snippet('match 1:\n    case 1: pass\n', undefined, { run: false }),
];

/** What CPython 3.14 says when there is no loop to get, or one already running. */
const AS_CPYTHON_FAILS: Snippet[] = [
  snippet(
    [
      'import asyncio',
      'try:',
      '    asyncio.get_event_loop()',
      'except RuntimeError as error:',
      '    print(error)',
      'async def main():',
      '    inner = asyncio.sleep(0)',
      '    try:',
      '        asyncio.run(inner)',
      '    except RuntimeError as error:',
      '        print(error)',
      '    inner.close()',
      '    print(asyncio.get_running_loop())',
      'asyncio.run(main())',
    ].join('\n'),
    "There is no current event loop in thread 'MainThread'.\n" +
      'asyncio.run() cannot be called from a running event loop\n<_WasmEventLoop running=True closed=False debug=False>',
  ),
  snippet('print(object())', '<object object at 0x…>'),
];

/** A snippet that changes logging, warnings and a module, then one that must not see those changes. */
const FRESH_INTERPRETERS: Snippet[] = [
  snippet(
    [
      'import logging, sys, warnings, json',
      'logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format="%(message)s")',
      'logging.getLogger("asyncio").setLevel(logging.CRITICAL)',
      'warnings.simplefilter("error")',
      'json.dumps = None',
      'print("changed")',
    ].join('\n'),
    'changed',
  ),
  snippet(
    [
      'import logging, warnings, json',
      'logging.getLogger("x").warning("to stderr, not stdout")',
      'warnings.warn("only a warning")',
      'print(logging.getLogger("asyncio").level, json.dumps([1]))',
    ].join('\n'),
    '0 [1]',
  ),
];

/**
 * The snippets of every test through one Pyodide run (loading the interpreter takes seconds), failing after
 * SNIPPET_CHECK_MS with what it waited for; each test reads the outcomes of its own snippets.
 */
const checkAll = memoized(() => {
  const all = [...RUNS_AND_SKIPS, ...AS_CPYTHON_FAILS, ...FRESH_INTERPRETERS];
  return within(SNIPPET_CHECK_MS, `Pyodide over ${all.length} snippets`, check(all));
});
async function checked(snippets: Snippet[]) {
  const { version, results } = await checkAll();
  return { version, results: results.filter((result) => snippets.includes(result.snippet)) };
}

describe('the WebAssembly (Pyodide) runner', () => {
  it(
    'runs asyncio snippets on CPython 3.14, compares their output, and skips what needs threads',
    async () => {
      const { version, results } = await checked(RUNS_AND_SKIPS);
      expect(version).toMatch(/^3\.14\.\d+$/);
      expect(results.map(({ outcome }) => [outcome.status, outcome.ran])).toEqual([
        ['passed', true],
        ['failed', true],
        ['skipped', false],
        ['failed', false],
        ['passed', false],
      ]);
      expect(results[1]?.outcome.reason).toContain('printed something else than its output block');
      expect(results[2]?.outcome.reason).toBe(WASM_CANNOT);
    },
    testTimeout(SNIPPET_CHECK_MS),
  );

  it(
    'fails as CPython 3.14 fails: asyncio.run() and get_event_loop() are the standard library ones',
    async () => {
      const { results } = await checked(AS_CPYTHON_FAILS);
      expect(results.map(({ outcome }) => outcome.reason ?? outcome.status)).toEqual(['passed', 'passed']);
    },
    testTimeout(SNIPPET_CHECK_MS),
  );

  it(
    'gives each snippet an interpreter as a new process has it, whatever the one before left',
    async () => {
      const { results } = await checked(FRESH_INTERPRETERS);
      expect(results.map(({ outcome }) => outcome.reason ?? outcome.status)).toEqual(['passed', 'passed']);
    },
    testTimeout(SNIPPET_CHECK_MS),
  );
});
