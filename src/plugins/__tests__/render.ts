/**
 * Renders Markdown through the real processors with the site's plugin registry, as Astro does, for the plugin tests.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { markdownToHtml } from 'satteri';
import { type PluggableList, unified } from 'unified';
import { VFile } from 'vfile';
import { apiLookup, loadInventory } from '../../lib/python-docs/inventory';
import type { SnippetMarksLookup } from '../code-highlighter';
import { forSatteri, forUnified, notePlugins } from '../index';
import { type NotePageData, PAGE_DATA_KEY } from '../page-data';

export const SITE = 'https://pyconcurrency.example.org';
export const lookup = apiLookup(loadInventory(join(import.meta.dirname, '../../../content/python-inventory.json')));

const plugins = (plain: boolean, snippetMarks?: SnippetMarksLookup) =>
  notePlugins({
    site: SITE,
    lookup,
    plain,
    ...(snippetMarks ? { snippetMarks } : {}),
    code: { themes: { light: 'github-light-default', dark: 'github-dark-default' }, langAlias: { output: 'text' } },
  });

export interface Rendered {
  html: string;
  /** What the plugins recorded, as the page reads it from `remarkPluginFrontmatter`. */
  page: NotePageData;
}

export interface RenderOptions {
  path?: string;
  /** The benchmark's baseline: only what every Markdown site does. */
  plain?: boolean;
  /** The run marks of snippets, as content/snippet-runs.json would give them. */
  snippetMarks?: SnippetMarksLookup;
}

/** An .md note through Sätteri, as Astro renders it: the body only, with the file's URL. */
export async function withSatteri(
  body: string,
  { path = 'content/notes/the-gil.md', plain = false, snippetMarks }: RenderOptions = {},
): Promise<Rendered> {
  const astro = {
    frontmatter: {} as Record<string, unknown>,
    headings: [],
    localImagePaths: new Set<string>(),
    remoteImagePaths: new Set<string>(),
  };
  const { html } = await markdownToHtml(body, {
    ...forSatteri(plugins(plain, snippetMarks)),
    features: { gfm: true, smartPunctuation: false },
    fileURL: pathToFileURL(path),
    data: { astro },
  });
  return { html, page: astro.frontmatter[PAGE_DATA_KEY] as NotePageData };
}

/**
 * An .mdx note through unified with remark-gfm and the same plugins; MDX syntax is parsed only for a path ending in
 * .mdx.
 */
export async function withUnified(
  body: string,
  { path = 'content/notes/the-gil.mdx', plain = false, snippetMarks }: RenderOptions = {},
): Promise<Rendered> {
  const astro = { frontmatter: {} as Record<string, unknown> };
  const { remarkPlugins, rehypePlugins } = forUnified(plugins(plain, snippetMarks));
  const processor = unified().use(remarkParse);
  if (path.endsWith('.mdx')) processor.use(remarkMdx);
  processor
    .use(remarkPlugins as PluggableList)
    .use(remarkRehype, {
      passThrough: ['mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm'],
    })
    .use(rehypePlugins as PluggableList)
    .use(rehypeStringify);
  const file = new VFile({ value: body, path, data: { astro } as VFile['data'] });
  const html = path.endsWith('.mdx') ? '' : String(await processor.process(file));
  if (path.endsWith('.mdx')) await processor.run(processor.parse(file), file);
  return { html, page: astro.frontmatter[PAGE_DATA_KEY] as NotePageData };
}

/** Both processors, for tests that prove both kinds of note get the same rules. */
export const PROCESSORS = [
  [
    'Sätteri (.md notes)',
    (body: string, options?: RenderOptions) => withSatteri(body, { ...options, path: 'content/notes/the-gil.md' }),
  ],
  [
    'unified (.mdx notes)',
    (body: string, options?: RenderOptions) => withUnified(body, { ...options, path: 'content/notes/the-gil.md' }),
  ],
] as const;
