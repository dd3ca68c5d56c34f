import type { Element } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { renderWith } from './__tests__/render';
import { codeBlocks, codeHighlighter, type HighlightCode } from './code-highlighter';

const highlightMarkdown = (highlight: HighlightCode | undefined, markdown: string, path?: string) =>
  renderWith(markdown, { hastPlugins: highlight ? [codeBlocks(highlight)] : [] }, path);

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
  it.each([
    ['an .md note', 'content/notes/x.md'],
    ['an .mdx note', 'content/notes/x.mdx'],
  ])('hands the fence meta to the transformers in %s', async (_kind, path) => {
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
    const { html } = await highlightMarkdown(highlight, '```python title="one.py"\nprint(1)\n```\n', path);
    expect(metas).toEqual([{ __raw: 'title="one.py"' }]);
    expect(html).toMatch(/^<pre class="astro-code[^"]*"[^>]*data-language="python"/);
  });

  it('leaves math blocks and code outside pre alone', async () => {
    const markdown = '```math\nx^2\n```\n\n`x = 1`\n';
    const before = await highlightMarkdown(undefined, markdown);
    expect((await highlightMarkdown(highlighter(), markdown)).html).toBe(before.html);
  });
});
