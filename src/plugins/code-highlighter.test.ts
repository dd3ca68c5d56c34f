import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString as textOf } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { rehypeFromSatteri } from './adapters/unified';
import { codeBlocks, codeHighlighter, type HighlightCode } from './code-highlighter';

const highlightTree = (highlight: HighlightCode, tree: Root) =>
  rehypeFromSatteri(codeBlocks(highlight))()(tree, new VFile());

const themes = { light: 'github-light-default', dark: 'github-dark-default' } as const;

function highlighter(warnings: string[] = []) {
  return codeHighlighter({
    themes,
    langAlias: { output: 'text' },
    transformers: [],
    warn: (message) => warnings.push(message),
  });
}

const styles = (element: Element) => selectAll('span[style]', element).map((span) => String(span.properties['style']));

describe('codeHighlighter', () => {
  it('colours Python with the light and the dark theme, on a pre Astro styles would recognise', async () => {
    const pre = await highlighter()('import asyncio\nasyncio.run(main())\n', 'python');
    expect(pre.properties['class']).toBe('astro-code astro-code-themes github-light-default github-dark-default');
    expect(pre.properties['dataLanguage']).toBe('python');
    const keyword = selectAll('span', pre).find((span) => textOf(span) === 'import');
    expect(keyword?.properties['style']).toMatch(/^--shiki-light:#[0-9A-F]{6};--shiki-dark:#[0-9A-F]{6}$/i);
    expect(textOf(pre)).toBe('import asyncio\nasyncio.run(main())');
  });

  it('shows output blocks as plain text', async () => {
    const pre = await highlighter()('3 tasks done\n', 'output');
    expect(new Set(styles(pre).slice(1))).toEqual(new Set());
    expect(textOf(pre)).toBe('3 tasks done');
  });

  it('shows a language Shiki does not know as plain text, and says so', async () => {
    const warnings: string[] = [];
    const pre = await highlighter(warnings)('x = 1\n', 'pythno');
    expect(textOf(pre)).toBe('x = 1');
    expect(pre.properties['dataLanguage']).toBe('plaintext');
    expect(warnings).toEqual([expect.stringContaining('"pythno"')]);
  });
});

describe('codeBlocks', () => {
  const block = (properties: Element['properties'], data?: Element['data']): Root => ({
    type: 'root',
    children: [
      {
        type: 'element',
        tagName: 'pre',
        properties: {},
        children: [
          {
            type: 'element',
            tagName: 'code',
            properties,
            children: [{ type: 'text', value: 'print(1)\n' }],
            ...(data ? { data } : {}),
          },
        ],
      },
    ],
  });

  it.each([
    ['remark-rehype', block({ className: ['language-python'] }, { meta: 'title="one.py"' } as Element['data'])],
    ["Astro's MDX pipeline", block({ className: ['language-python'], metastring: 'title="one.py"' })],
  ])('hands the fence meta to the transformers, as %s passes it', async (_how, tree) => {
    const metas: unknown[] = [];
    const highlight = codeHighlighter({
      themes,
      langAlias: {},
      transformers: [
        {
          name: 'meta',
          pre() {
            metas.push(this.options.meta);
          },
        },
      ],
    });
    await highlightTree(highlight, tree);
    expect(metas).toEqual([{ __raw: 'title="one.py"' }]);
    expect(toHtml(tree)).toMatch(/^<pre class="astro-code[^"]*"[^>]*data-language="python"/);
  });

  it('leaves math blocks and code outside pre alone', async () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'pre',
          properties: {},
          children: [
            {
              type: 'element',
              tagName: 'code',
              properties: { className: ['language-math'] },
              children: [{ type: 'text', value: 'x^2' }],
            },
          ],
        },
        {
          type: 'element',
          tagName: 'code',
          properties: { className: ['language-python'] },
          children: [{ type: 'text', value: 'x = 1' }],
        },
      ],
    };
    const before = toHtml(tree);
    await highlightTree(highlighter(), tree);
    expect(toHtml(tree)).toBe(before);
  });
});
