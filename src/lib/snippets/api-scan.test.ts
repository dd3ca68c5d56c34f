import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiLookup, loadInventory } from '../python-docs/inventory';
import { scanSnippetApis, withoutStringsAndComments } from './api-scan';

const lookup = apiLookup(loadInventory(join(import.meta.dirname, '../../../content/python-inventory.json')));
const scan = (code: string) => scanSnippetApis(code, lookup).map(({ target, line }) => `${line}: ${target.name}`);

describe('scanSnippetApis', () => {
  it('finds imported modules, names reached through them and names imported from them', () => {
    const code = [
      'import asyncio',
      'from concurrent.futures import ProcessPoolExecutor as Pool',
      '',
      'async def main():',
      '    async with asyncio.TaskGroup() as tg:',
      '        tg.create_task(work())',
      '        tg.cancel()',
      '    with Pool() as pool:',
      '        pass',
      '',
      'asyncio.run(main())',
    ].join('\n');
    expect(scan(code)).toEqual([
      '1: asyncio',
      '2: concurrent.futures.ProcessPoolExecutor',
      '5: asyncio.TaskGroup',
      '6: asyncio.TaskGroup.create_task',
      '7: asyncio.TaskGroup.cancel',
      '11: asyncio.run',
    ]);
  });

  it('follows import aliases and attribute chains to the longest documented name', () => {
    const code =
      'import asyncio as aio\nimport concurrent.interpreters\n\naio.TaskGroup.cancel.__name__\nconcurrent.interpreters.create()\n';
    expect(scan(code)).toEqual([
      '1: asyncio',
      '2: concurrent.interpreters',
      '4: asyncio.TaskGroup.cancel',
      '5: concurrent.interpreters.create',
    ]);
  });

  it('marks a name the code tests for with hasattr() first as guarded', () => {
    const code = 'import sys\nenabled = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True\n';
    expect(scanSnippetApis(code, lookup).map(({ target, guarded }) => [target.name, guarded])).toEqual([
      ['sys', undefined],
      ['sys._is_gil_enabled', true],
      ['hasattr', undefined],
    ]);
  });

  it('takes no guard from a hasattr() in a comment', () => {
    const code = 'import asyncio\n# hasattr(asyncio, "TaskGroup") is true from 3.11\nasyncio.TaskGroup\n';
    expect(scanSnippetApis(code, lookup).map(({ target, guarded }) => [target.name, guarded])).toEqual([
      ['asyncio', undefined],
      ['asyncio.TaskGroup', undefined],
    ]);
  });

  it('ignores names in strings and comments', () => {
    const code =
      "import asyncio\n# asyncio.TaskGroup would need 3.11\nprint(\"asyncio.timeout()\")\nprint('''tg.cancel()''')\n";
    expect(scan(code)).toEqual(['1: asyncio', '3: print']);
  });

  it('finds built-in exceptions and functions used bare, and nothing of unknown modules', () => {
    expect(scan('import uvloop\nuvloop.run(main())\ntry:\n    pass\nexcept* TimeoutError:\n    pass\n')).toEqual([
      '5: TimeoutError',
    ]);
  });
});

describe('withoutStringsAndComments', () => {
  it('blanks them but keeps every line where it was', () => {
    const code = 'x = "a#b"  # note\ny = """\nmulti\n"""\n';
    const clean = withoutStringsAndComments(code);
    expect(clean.split('\n')).toHaveLength(code.split('\n').length);
    expect(clean).not.toMatch(/note|multi|a#b/);
    expect(clean).toMatch(/^x = /);
  });
});
