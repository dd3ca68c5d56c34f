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

/** The colour classes the tokens of a block carry. */
const colours = (element: Element) =>
  selectAll('span', element).flatMap((span) => String(span.properties['class'] ?? '').match(/\bs[ld]-\w+/g) ?? []);

describe('codeHighlighter', () => {
  it('colours Python with the light and the dark theme, on a pre Astro styles would recognise', async () => {
    const pre = await highlighter()('import asyncio\nasyncio.run(main())\n', 'python');
    expect(pre.properties['class']).toBe(
      'astro-code astro-code-themes github-light-default github-dark-default sl-1f2328 sd-e6edf3 slb-ffffff sdb-0d1117',
    );
    expect(pre.properties['dataLanguage']).toBe('python');
    const keyword = selectAll('span', pre).find((span) => textOf(span) === 'import');
    // Colours as classes, so the site's Content-Security-Policy needs no 'unsafe-inline'.
    expect(keyword?.properties['class']).toMatch(/^sl-[0-9a-f]{6} sd-[0-9a-f]{6}$/);
    expect(selectAll('[style]', pre)).toEqual([]);
    expect(textOf(pre)).toBe('import asyncio\nasyncio.run(main())');
  });

  it('shows output blocks as plain text', async () => {
    const pre = await highlighter()('3 tasks done\n', 'output');
    // Every token takes the block's own text colour.
    expect(colours(pre)).toEqual([]);
    expect(colours(await highlighter()('import asyncio\n', 'python')).length).toBeGreaterThan(0);
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
