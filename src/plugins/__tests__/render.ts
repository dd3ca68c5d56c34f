/**
 * Renders Markdown through Sätteri with the site's plugin registry, as Astro does for .md notes
 * (`markdownToHtml`) and .mdx notes (`mdxToJs`), for the plugin tests.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { type HastPluginEntry, type MdastPluginEntry, markdownToHtml, mdxToJs } from 'satteri';
import { type NotePageData, PAGE_DATA_KEY } from '../../lib/content/page-data';
import { apiLookup, loadInventory } from '../../lib/python-docs/inventory';
import type { SnippetMarksLookup } from '../code-highlighter';
import { forSatteri, notePlugins } from '../index';

export const SITE = 'https://pyconcurrency.example.org';
export const lookup = apiLookup(loadInventory(join(import.meta.dirname, '../../../content/python-inventory.json')));

const registry = (plain: boolean, snippetMarks?: SnippetMarksLookup) =>
  notePlugins({
    site: SITE,
    lookup,
    plain,
    ...(snippetMarks ? { snippetMarks } : {}),
    code: { themes: { light: 'github-light-default', dark: 'github-dark-default' }, langAlias: { output: 'text' } },
  });
// One registry (so one Shiki highlighter) per kind, as the site has one; tests with marks of their own make more.
const shared = { plain: registry(true), full: registry(false) };
const plugins = (plain: boolean, snippetMarks?: SnippetMarksLookup) =>
  snippetMarks ? registry(plain, snippetMarks) : plain ? shared.plain : shared.full;

export interface Rendered {
  html: string;
  /** What the plugins recorded, as the page reads it from `remarkPluginFrontmatter`. */
  page: NotePageData;
}

export interface RenderOptions {
  /** The benchmark's baseline: only what every Markdown site does. */
  plain?: boolean;
  /** The run marks of snippets, as content/snippet-runs.json would give them. */
  snippetMarks?: SnippetMarksLookup;
}

/** An MDX tree as HTML: MDX elements with their string attributes, expressions left out. */
function mdxTreeHtml(root: Root): string {
  const plain = (node: RootContent | ElementContent): ElementContent[] => {
    const any = node as unknown as {
      type: string;
      name?: string | null;
      attributes?: Array<{ type: string; name?: string; value?: unknown }>;
      children?: Array<RootContent | ElementContent>;
    };
    if (any.type === 'mdxJsxFlowElement' || any.type === 'mdxJsxTextElement') {
      const properties = Object.fromEntries(
        (any.attributes ?? []).flatMap((attribute) =>
          attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string'
            ? [[attribute.name ?? '', attribute.value]]
            : [],
        ),
      );
      return [
        { type: 'element', tagName: any.name ?? 'div', properties, children: (any.children ?? []).flatMap(plain) },
      ];
    }
    if (any.type.startsWith('mdx')) return [];
    if (any.type === 'element')
      return [{ ...(node as ElementContent & { type: 'element' }), children: (any.children ?? []).flatMap(plain) }];
    return [node as ElementContent];
  };
  return toHtml({ type: 'root', children: root.children.flatMap(plain) });
}

/** Runs plugins over a note's body the way Astro's Sätteri pipeline does, by the note file's kind. */
export async function renderWith(
  body: string,
  {
    mdastPlugins = [],
    hastPlugins = [],
  }: { mdastPlugins?: readonly MdastPluginEntry[]; hastPlugins?: readonly HastPluginEntry[] },
  path = 'content/notes/the-gil.md',
): Promise<{ html: string; frontmatter: Record<string, unknown> }> {
  const astro = {
    frontmatter: {} as Record<string, unknown>,
    headings: [],
    localImagePaths: new Set<string>(),
    remoteImagePaths: new Set<string>(),
  };
  const options = { features: { gfm: true, smartPunctuation: false }, fileURL: pathToFileURL(path), data: { astro } };
  if (!path.endsWith('.mdx')) {
    const { html } = await markdownToHtml(body, { ...options, mdastPlugins, hastPlugins });
    return { html, frontmatter: astro.frontmatter };
  }
  let html = '';
  const capture = {
    name: 'capture-html',
    after: (root: Readonly<Root>) => {
      html = mdxTreeHtml(root as Root);
    },
  };
  await mdxToJs(body, { ...options, mdastPlugins, hastPlugins: [...hastPlugins, capture], jsxImportSource: 'astro' });
  return { html, frontmatter: astro.frontmatter };
}

/** A note through Sätteri with the whole registry; `path` says whether it is .md or .mdx. */
export async function render(
  body: string,
  { plain = false, snippetMarks }: RenderOptions = {},
  path = 'content/notes/the-gil.md',
): Promise<Rendered> {
  const { html, frontmatter } = await renderWith(body, forSatteri(plugins(plain, snippetMarks)), path);
  return { html, page: frontmatter[PAGE_DATA_KEY] as NotePageData };
}

/** Both kinds of note, for tests that prove .md and .mdx get the same rules. */
export const NOTE_KINDS = [
  ['.md notes', (body: string, options?: RenderOptions) => render(body, options, 'content/notes/the-gil.md')],
  ['.mdx notes', (body: string, options?: RenderOptions) => render(body, options, 'content/notes/the-gil.mdx')],
] as const;

export const withMdx = (body: string, options?: RenderOptions) => render(body, options, 'content/notes/the-gil.mdx');
