import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectSnippets, extractSnippets } from './snippets';

const FIXTURES = join(import.meta.dirname, '__fixtures__/snippets');
const extract = async (name: string) => extractSnippets(await readFile(join(FIXTURES, name), 'utf8'), name);

describe('extractSnippets', () => {
  it('finds python fences at any depth, with their line in the file, and ignores other languages', async () => {
    const snippets = await extract('forms.md');
    expect(snippets.map(({ line, code }) => [line, code.split('\n')[0]])).toEqual([
      [8, 'print("hello")'],
      [18, 'x = 1'],
      [24, 'while True:'],
      [29, 'print("four backticks")'],
      [33, 'print("py alias")'],
      [41, 'print("no output block")'],
      [47, 'pass'],
    ]);
  });

  it('reads the meta words and pairs a run snippet with the output block after it', async () => {
    const [hello, nested, forever, newer] = await extract('forms.md');
    expect(hello).toMatchObject({ meta: { run: true, title: 'hello.py' }, expectedOutput: 'hello' });
    expect(nested?.meta).toEqual({ run: false });
    expect(forever?.meta).toEqual({ run: false, norun: 'runs forever' });
    expect(forever?.code).toBe('while True:\n    pass');
    expect(newer?.meta).toEqual({ run: false, minPython: '3.14' });
  });

  it('reports a run snippet without output and an unknown meta word, with the file', async () => {
    const snippets = await extract('forms.md');
    expect(snippets.filter((snippet) => snippet.problem).map(({ line, problem }) => [line, problem])).toEqual([
      [41, expect.stringContaining('no ```output block')],
      [47, expect.stringContaining('unknown word "verbose"')],
    ]);
  });

  it('reads MDX, JSX and exports included', async () => {
    const snippets = await extract('forms.mdx');
    expect(snippets).toEqual([{ file: 'forms.mdx', line: 12, code: 'print(1 + 1)', meta: { run: true }, expectedOutput: '2' }]);
  });
});

describe('collectSnippets', () => {
  it('walks a folder in a stable order', async () => {
    const snippets = await collectSnippets(FIXTURES, FIXTURES);
    expect([...new Set(snippets.map((snippet) => snippet.file))]).toEqual(['forms.md', 'forms.mdx']);
  });
});
