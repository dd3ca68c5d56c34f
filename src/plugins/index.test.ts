import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString as textOf } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { snippetKey } from '../lib/snippets/records';
import { NOTE_KINDS, withMdx } from './__tests__/render';

const EVERY_FORM = join(import.meta.dirname, '__fixtures__/outbound-links/every-form.md');

/** The links of a page as a reader meets them: where they go, their classes, rel and visible text. */
function linksOf(html: string) {
  return selectAll('a', fromHtml(html, { fragment: true })).map((link: Element) => ({
    href: link.properties['href'],
    className: link.properties['className'],
    rel: link.properties['rel'],
    text: textOf(link),
  }));
}

describe.each(NOTE_KINDS)('%s', (kind, render) => {
  it(
    'collect every link target with the line it is on: inline, reference-style, autolinks, lists, tables, ' +
      'footnotes',
    async () => {
      const source = await readFile(EVERY_FORM, 'utf8');
      // MDX has no <url> autolinks (a `<` opens an element); a bare URL on the same line stands in.
      const { page } = await render(kind === '.mdx notes' ? source.replace(/<(https:[^>]+)>/, '$1') : source);
      expect(page.links.map((link) => [link.url, link.line])).toEqual([
        ['https://docs.python.org/3/library/asyncio.html', 1],
        ['https://peps.python.org/pep-0779/', 2],
        ['https://docs.python.org/3/howto/free-threading-python.html', 2],
        ['https://peps.python.org/pep-0703/', 2],
        ['https://vorpus.org/blog/notes-on-structured-concurrency-or-go-statement-considered-harmful/', 4],
        ['https://trio.readthedocs.io/en/stable/', 6],
        ['https://anyio.readthedocs.io/en/stable/', 7],
        ['https://github.com/MagicStack/uvloop', 11],
        ['https://peps.python.org/pep-0525/#asynchronous-generators', 15],
      ]);
      expect(page.links[1]).toEqual({
        url: 'https://peps.python.org/pep-0779/',
        text: 'reference-style link',
        line: 2,
        kind: 'link',
      });
    },
  );

  it('collect the URL of an HTML element as a browser reads it, entities decoded and spaces dropped', async () => {
    const { page } = await render(
      'A <a href="javascript&colon;alert(1)">raw link</a>.\n\n<img src=" https://example.org/i.png" alt="" />\n',
    );
    expect(page.links.map((link) => [link.url, link.line, link.kind])).toEqual([
      ['javascript:alert(1)', 1, 'link'],
      ['https://example.org/i.png', 3, 'image'],
    ]);
  });

  it('leave out what renders no link: a definition no link uses, footnote links, API links', async () => {
    const { page } = await render(
      'Use `asyncio.run()`[^1].\n\n[unused]: https://example.org/unused\n\n[^1]: A note.\n',
    );
    expect(page.links).toEqual([]);
  });

  it('link Python API names and mark every outbound link for screen readers', async () => {
    const { html, page } = await render(
      'Use `asyncio.TaskGroup`, not `!asyncio.gather()`; see [the docs](https://docs.python.org/3/) or [tags](../../tags/asyncio/).\n',
    );
    expect(linksOf(html)).toEqual([
      {
        href: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.TaskGroup',
        className: ['api-link', 'external'],
        rel: ['noopener', 'noreferrer'],
        text: 'asyncio.TaskGroup',
      },
      {
        href: 'https://docs.python.org/3/',
        className: ['external'],
        rel: ['noopener', 'noreferrer'],
        text: 'the docs',
      },
      { href: '../../tags/asyncio/', className: undefined, rel: undefined, text: 'tags' },
    ]);
    expect(html).toContain('<code>asyncio.gather()</code>');
    expect(page.apiLinks).toEqual([expect.objectContaining({ name: 'asyncio.TaskGroup', module: 'asyncio', line: 1 })]);
    // API links are the site's own, not links the author wrote.
    expect(page.links.map((link) => link.url)).toEqual(['https://docs.python.org/3/', '../../tags/asyncio/']);
  });

  it('leave code in links and headings plain, and count a link in a heading once', async () => {
    const { html, page } = await render(
      '## Using `asyncio.TaskGroup` with [PEP 789](https://peps.python.org/pep-0789/)\n\n[`asyncio.run()`](https://docs.python.org/3/)\n',
    );
    expect(linksOf(html).map((link) => link.href)).toEqual([
      'https://peps.python.org/pep-0789/',
      'https://docs.python.org/3/',
    ]);
    expect(page.apiLinks).toEqual([]);
    expect(page.links.map((link) => link.line)).toEqual([1, 3]);
  });

  it(
    'give a heading with a link the id of its visible text, and record that text without the screen-reader ' + 'extra',
    async () => {
      const { html, page } = await render(
        '## About [PEP 525](https://peps.python.org/pep-0525/)\n\n### About PEP 525\n',
      );
      expect(
        selectAll('h2, h3', fromHtml(html, { fragment: true })).map((heading) => heading.properties['id']),
      ).toEqual(['about-pep-525', 'about-pep-525-1']);
      expect(page.headings).toEqual([
        { depth: 2, id: 'about-pep-525', text: 'About PEP 525' },
        { depth: 3, id: 'about-pep-525-1', text: 'About PEP 525' },
      ]);
    },
  );

  it('give no heading an id the page layout uses', async () => {
    const { page } = await render('## References\n\n## Main\n\n## Related heading\n');
    expect(page.headings.map((heading) => heading.id)).toEqual(['references-1', 'main-1', 'related-heading-1']);
  });

  it('time the reading: prose at 220 words a minute, code words counted twice', async () => {
    const prose = `${'word '.repeat(440)}\n`;
    const code = `\`\`\`python\n${'x = 1\n'.repeat(110)}\`\`\`\n`;
    expect((await render(prose)).page.readingMinutes).toBe(2);
    expect((await render(`${prose}\n${code}`)).page.readingMinutes).toBe(4);
  });

  it('label task-list checkboxes with their state', async () => {
    const { html } = await render('- [x] written\n- [ ] reviewed\n');
    expect(
      selectAll('input', fromHtml(html, { fragment: true })).map((input) => input.properties['ariaLabel']),
    ).toEqual(['Done', 'Not done']);
  });

  it('highlight code and record a snippet whose meta words break the rules, rendering it without them', async () => {
    const { html, page } = await render('Intro.\n\n```python verbose\nprint(1)\n```\n');
    expect(html).toContain('<figure class="code-block">');
    expect(page.problems).toEqual([{ line: 3, message: expect.stringContaining('unknown word "verbose"') }]);
  });

  it('record each snippet with the key of its run record, its output block and the Pythons it runs on', async () => {
    const { page } = await render(
      'Intro.\n\n```python run python=3.12 until=3.13\nprint(1)\n```\n\n```output\n1\n```\n\n' +
        '```python run free-threaded\nprint(2)\n```\n\nNo output block here.\n\n```output\n2\n```\n',
    );
    const print = (line: number) => [{ name: 'print', kind: 'function', line }];
    expect(page.snippets).toEqual([
      {
        line: 3,
        key: snippetKey('print(1)', '1'),
        run: true,
        python: '3.12',
        until: '3.13',
        output: '1',
        apis: print(4),
      },
      { line: 11, key: snippetKey('print(2)', undefined), run: true, freeThreaded: true, apis: print(12) },
    ]);
  });

  it('name a free-threaded run "3.14t" in every mark, and say once per page what the t means', async () => {
    const threaded = { ran: ['3.11', '3.14', '3.14t'], compiled: [] };
    const { html } = await render(
      '```python run\nprint(1)\n```\n\n```output\n1\n```\n\n```python run\nprint(2)\n```\n\n```output\n2\n```\n',
      { snippetMarks: () => threaded },
    );
    const tree = fromHtml(html, { fragment: true });
    const marks = selectAll('.code-block__ran', tree).map((mark) => textOf(mark));
    expect(marks).toEqual(['Ran on Python 3.11 · 3.14 · 3.14t', 'Ran on Python 3.11 · 3.14 · 3.14t']);
    expect(selectAll('abbr.free-threaded', tree).map((abbr) => abbr.properties['title'])).toEqual([
      'Python 3.14, free-threaded build',
      'Python 3.14, free-threaded build',
    ]);
    const legends = selectAll('figure.code-block > p.code-block__legend', tree).map((legend) => textOf(legend));
    expect(legends).toEqual([expect.stringMatching(/^t: the free-threaded build/)]);

    const plainRuns = await render('```python run\nprint(1)\n```\n\n```output\n1\n```\n', {
      snippetMarks: () => ({ ran: ['3.11', '3.14'], compiled: [] }),
    });
    expect(plainRuns.html).toContain('Ran on');
    expect(plainRuns.html).not.toContain('code-block__legend');
  });

  it(
    'leave API names and outbound links plain in the baseline, with highlighting and task-list labels ' + 'kept',
    async () => {
      const { html, page } = await render(
        '`asyncio.run()` and [docs](https://docs.python.org/3/)\n\n- [ ] open\n\n```python\nx = 1\n```\n',
        { plain: true },
      );
      expect(linksOf(html)).toEqual([
        { href: 'https://docs.python.org/3/', className: undefined, rel: undefined, text: 'docs' },
      ]);
      expect(html).toContain('aria-label="Not done"');
      expect(html).toContain('class="astro-code');
      expect(html).not.toContain('code-block__bar');
      expect(page.links).toEqual([]);
    },
  );
});

describe('MDX notes', () => {
  it('collect the href of JSX elements, and flag one written as an expression', async () => {
    // The page renders too, so the expression's variable is defined, as an author would define it.
    const { page } = await withMdx(
      'export const url = "../alpha/";\n\nIntro <a href="javascript:alert(1)">x</a> and <a href={url}>y</a>.\n\n' +
        '<img src="https://example.org/i.png" alt="" />\n',
    );
    expect(page.links.map(({ url, kind, line }) => [url, kind, line])).toEqual([
      ['javascript:alert(1)', 'link', 3],
      ['', 'expression', 3],
      ['https://example.org/i.png', 'image', 5],
    ]);
  });
});
