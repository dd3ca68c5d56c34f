import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { markdownToHtml } from 'satteri';
import { type PluggableList, unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../lib/content/errors';
import { apiLookup, loadInventory } from '../lib/python-inventory';
import type { SiteCatalogue } from '../lib/site-catalogue';
import { type NotePluginOptions, notePlugins } from './note-plugins';

const SITE = 'https://pyconcurrency.example.org';
const NOTE = 'content/notes/the-gil.md';
const EVERY_FORM = join(import.meta.dirname, '__fixtures__/outbound-links/every-form.md');
const catalogue: SiteCatalogue = {
  anchorsOf: (slug) => (slug === 'taskgroup' ? new Set(['cancellation']) : undefined),
  hasTag: (tagId) => tagId === 'asyncio',
};
const lookup = apiLookup(loadInventory(join(import.meta.dirname, '../../content/python-inventory.json')));

function pluginOptions({ catalogued = () => true, plain = false }: { catalogued?: (url: string) => boolean; plain?: boolean } = {}): NotePluginOptions {
  return {
    site: SITE,
    plain,
    linkRules: { site: SITE, catalogue, warn: () => undefined },
    outboundLinks: { site: SITE, isCatalogued: catalogued },
    apiLinks: { lookup },
    code: { themes: { light: 'github-light-default', dark: 'github-dark-default' }, langAlias: { output: 'text' } },
  };
}

interface Rendered {
  html: string;
  /** What Astro hands the page as `remarkPluginFrontmatter`. */
  frontmatter: Record<string, unknown>;
}

/** A note through Sätteri, as Astro renders an .md note: the body only, with the file's URL. */
async function withSatteri(body: string, path: string | undefined, options = pluginOptions()): Promise<Rendered> {
  const astro = { frontmatter: {} as Record<string, unknown>, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() };
  const { html } = await markdownToHtml(body, {
    ...notePlugins(options).satteri,
    features: { gfm: true, smartPunctuation: false },
    ...(path ? { fileURL: pathToFileURL(path) } : {}),
    data: { astro },
  });
  return { html, frontmatter: astro.frontmatter };
}

/** A note through unified with the plugins the .mdx notes get (Markdown syntax only, so both read the same text). */
async function withUnified(body: string, path: string | undefined, options = pluginOptions()): Promise<Rendered> {
  const astro = { frontmatter: {} as Record<string, unknown> };
  const { remarkPlugins, rehypePlugins } = notePlugins(options).unified;
  const file = new VFile({ value: body, ...(path ? { path } : {}), data: { astro } as VFile['data'] });
  const processor = unified()
    .use(remarkParse)
    .use(remarkPlugins as PluggableList)
    .use(remarkRehype)
    .use(rehypePlugins as PluggableList)
    .use(rehypeStringify);
  return { html: String(await processor.process(file)), frontmatter: astro.frontmatter };
}

const PROCESSORS = [
  ['Sätteri (.md notes)', withSatteri],
  ['unified (.mdx notes)', withUnified],
] as const;

/** The links of a page as a reader meets them: where they go, their classes, rel and visible text. */
function linksOf(html: string) {
  return selectAll('a', fromHtml(html, { fragment: true })).map((link: Element) => ({
    href: link.properties['href'],
    className: link.properties['className'],
    rel: link.properties['rel'],
    text: toString(link),
  }));
}

describe.each(PROCESSORS)('notes rendered by %s', (_name, render) => {
  it('collect every outbound link with the line it is on, for the References section', async () => {
    const { frontmatter } = await render(await readFile(EVERY_FORM, 'utf8'), EVERY_FORM);
    const links = frontmatter['outboundLinks'] as Array<{ url: string; line: number }>;
    expect(links).toHaveLength(9);
    expect(links[1]).toEqual({ url: 'https://peps.python.org/pep-0779/', text: 'reference-style link', line: 2 });
    expect(links.at(-1)).toEqual({ url: 'https://peps.python.org/pep-0525/#asynchronous-generators', text: 'PEP 525', line: 15 });
  });

  it('link Python API names and mark every outbound link for screen readers', async () => {
    const { html, frontmatter } = await render('Use `asyncio.TaskGroup`, not `!asyncio.gather()`; see [the docs](https://docs.python.org/3/) or [tags](../../tags/asyncio/).\n', NOTE);
    expect(linksOf(html)).toEqual([
      {
        href: 'https://docs.python.org/3/library/asyncio-task.html#asyncio.TaskGroup',
        className: ['api-link', 'external'],
        rel: ['noopener', 'noreferrer'],
        text: 'asyncio.TaskGroup (external site)',
      },
      { href: 'https://docs.python.org/3/', className: ['external'], rel: ['noopener', 'noreferrer'], text: 'the docs (external site)' },
      { href: '../../tags/asyncio/', className: undefined, rel: undefined, text: 'tags' },
    ]);
    expect(html).toContain('<code>asyncio.gather()</code>');
    expect(frontmatter['apiLinks']).toEqual([expect.objectContaining({ name: 'asyncio.TaskGroup', module: 'asyncio', line: 1 })]);
  });

  it('leave code in links and headings plain, and count a link in a heading once', async () => {
    const { html, frontmatter } = await render('## Using `asyncio.TaskGroup` with [PEP 789](https://peps.python.org/pep-0789/)\n\n[`asyncio.run()`](https://docs.python.org/3/)\n', NOTE);
    expect(linksOf(html).map((link) => link.href)).toEqual(['https://peps.python.org/pep-0789/', 'https://docs.python.org/3/']);
    expect(frontmatter['apiLinks']).toEqual([]);
    expect((frontmatter['outboundLinks'] as Array<{ line: number }>).map((link) => link.line)).toEqual([1, 3]);
  });

  it('time the reading: prose at 220 words a minute, code words counted twice', async () => {
    const prose = `${'word '.repeat(440)}\n`;
    const code = `\`\`\`python\n${'x = 1\n'.repeat(110)}\`\`\`\n`;
    expect((await render(prose, NOTE)).frontmatter['readingMinutes']).toBe(2);
    expect((await render(`${prose}\n${code}`, NOTE)).frontmatter['readingMinutes']).toBe(4);
  });

  it('label task-list checkboxes with their state', async () => {
    const { html } = await render('- [x] written\n- [ ] reviewed\n', NOTE);
    expect(selectAll('input', fromHtml(html, { fragment: true })).map((input) => input.properties['ariaLabel'])).toEqual(['Done', 'Not done']);
  });

  it('stop on an uncatalogued link, naming the line in the note file, frontmatter counted', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'note-plugins-')), 'note.md');
    const body = 'Intro.\n\nSee [a blog](https://blog.example.net/post/).\n';
    await writeFile(path, `---\ntitle: A note\ntags: [asyncio]\n---\n${body}`);
    const options = pluginOptions({ catalogued: (url) => !url.includes('blog.example.net') });
    const error = await render(body, path, options).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems).toEqual([expect.objectContaining({ line: 7, message: expect.stringContaining('https://blog.example.net/post/') })]);
  });

  it('stop on a link to a note or heading that does not exist', async () => {
    const error = await render('[a](../no-such-note/) and [b](../taskgroup/#no-such-heading)\n', NOTE).catch((thrown: unknown) => thrown);
    expect((error as ContentError).problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/note "no-such-note" that does not exist/),
      expect.stringMatching(/#no-such-heading, which is no heading of "taskgroup": headings there are #cancellation/),
    ]);
  });

  it('leave API names and outbound links plain in the baseline, with task-list labels kept', async () => {
    const { html, frontmatter } = await render('`asyncio.run()` and [docs](https://docs.python.org/3/)\n\n- [ ] open\n', NOTE, pluginOptions({ plain: true }));
    expect(linksOf(html)).toEqual([{ href: 'https://docs.python.org/3/', className: undefined, rel: undefined, text: 'docs' }]);
    expect(html).toContain('aria-label="Not done"');
    expect(Object.keys(frontmatter)).toEqual(['readingMinutes']);
  });
});
