import { describe, expect, it } from 'vitest';
import type { Snippet } from '../../src/lib/snippets/extract';
import { checkSnippetsWithPyodide, WASM_CANNOT } from './pyodide';

const snippet = (code: string, expectedOutput: string | undefined, meta: Snippet['meta'] = { run: true }): Snippet => ({
  file: 'content/notes/x.md',
  line: 10,
  code,
  meta,
  ...(expectedOutput === undefined ? {} : { expectedOutput }),
});

describe('the WebAssembly (Pyodide) runner', () => {
  it('runs asyncio snippets on CPython 3.14, compares their output, and skips what needs threads', async () => {
    const { version, results } = await checkSnippetsWithPyodide([
      snippet(
        'import asyncio\n\nasync def main():\n    async with asyncio.TaskGroup() as tg:\n        t = tg.create_task(asyncio.sleep(0.01, result="done"))\n    print(t.result())\n\nasyncio.run(main())\n',
        'done',
      ),
      snippet('print("something else")\n', 'expected'),
      snippet('import threading\nthreading.Thread(target=print).start()\n', ''),
      snippet('x = (1,\n', undefined, { run: false }),
      snippet('match 1:\n    case 1: pass\n', undefined, { run: false }),
    ]);
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
  }, 60_000);
});
