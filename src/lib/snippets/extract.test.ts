import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectSnippets, extractSnippets } from './extract';

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
      [53, 'print("nested")'],
      [61, 'print("separated")'],
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

  it('pairs an output block in the same list item, and none that text separates from the snippet', async () => {
    const snippets = await extract('forms.md');
    expect(snippets.filter(({ meta }) => meta.run).map(({ line, expectedOutput }) => [line, expectedOutput])).toEqual([
      [8, 'hello'],
      [41, undefined],
      [53, 'nested'],
      [61, undefined],
    ]);
  });

  it('reports a run snippet without output and an unknown meta word, with the file', async () => {
    const snippets = await extract('forms.md');
    expect(snippets.filter((snippet) => snippet.problem).map(({ line, problem }) => [line, problem])).toEqual([
      [41, 'expected an ```output block right after the snippet at forms.md:41'],
      [47, expect.stringContaining('unknown word "verbose"')],
      [61, 'expected an ```output block right after the snippet at forms.md:61'],
    ]);
  });

  it('reads MDX, JSX and exports included, fences inside JSX elements too', async () => {
    const snippets = await extract('forms.mdx');
    expect(snippets).toEqual([
      { file: 'forms.mdx', line: 12, code: 'print(1 + 1)', meta: { run: true }, expectedOutput: '2' },
      {
        file: 'forms.mdx',
        line: 23,
        code: 'type Point = tuple[float, float]',
        meta: { run: false, minPython: '3.12' },
      },
    ]);
  });

  it('does not read the frontmatter as MDX, and counts its lines', () => {
    const source = '---\nsummary: "Sets {1, 2} and <T>"\n---\n\n```python\npass\n```\n';
    expect(extractSnippets(source, 'note.mdx').map((snippet) => snippet.line)).toEqual([5]);
  });

  it('names the note MDX cannot parse', () => {
    expect(() => extractSnippets('A stray { brace.\n', 'broken.mdx')).toThrow(/^broken\.mdx: cannot parse: /);
  });
});

describe('collectSnippets', () => {
  it('walks a folder in a stable order', async () => {
    const snippets = await collectSnippets(FIXTURES, FIXTURES);
    expect([...new Set(snippets.map((snippet) => snippet.file))]).toEqual(['forms.md', 'forms.mdx']);
  });
});
