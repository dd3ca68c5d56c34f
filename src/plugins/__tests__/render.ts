/**
 * Renders Markdown for the plugin tests through Astro's own pipeline, as the site does: the note
 * processor of astro.config.mjs (`noteProcessor`, Sätteri with the plugin registry). A .md note goes
 * through the processor's renderer, as Astro's content loader renders it; an .mdx note is compiled by
 * the processor's MDX renderer, as @astrojs/mdx compiles it, and its component rendered to HTML by
 * Astro's container.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import mdxRenderer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import type { HastPluginEntry, MdastPluginEntry } from 'satteri';
import { type NotePageData, readPageData } from '../../lib/content/page-data';
import { apiLookup, loadInventory } from '../../lib/python-docs/inventory';
import type { SnippetMarksLookup } from '../code-highlighter';
import { forSatteri, noteProcessor, notePlugins } from '../index';

export const SITE = 'https://pyconcurrency.example.org';
export const lookup = apiLookup(loadInventory(join(import.meta.dirname, '../../../content/python-inventory.json')));

/** What astro.config.mjs sets under `markdown` besides the processor: the plugins highlight code themselves. */
const MARKDOWN_OPTIONS = { syntaxHighlight: false } as const;
/** @astrojs/mdx's own default. */
const MDX_OPTIONS = { optimize: false } as const;

/**
 * Where compiled .mdx notes are written to be imported: inside the project, so their imports of `astro/jsx-runtime`
 * resolve as the site's do.
 */
const COMPILED = resolve(import.meta.dirname, '../../../node_modules/.cache/plugin-tests');

type Processor = ReturnType<typeof noteProcessor>;
type Renderers = {
  md: ReturnType<Processor['createRenderer']>;
  mdx: ReturnType<NonNullable<Processor['createMdxRenderer']>>;
};

/** The renderers of a processor, made once: each holds its plugins' state, as the site's one processor does. */
const renderersOf = new Map<Processor, Renderers>();
function renderers(processor: Processor): Renderers {
  let made = renderersOf.get(processor);
  if (made === undefined) {
    const createMdx = processor.createMdxRenderer;
    if (createMdx === undefined) throw new Error('the note processor renders no .mdx');
    made = {
      md: processor.createRenderer(MARKDOWN_OPTIONS),
      mdx: createMdx.call(processor, MARKDOWN_OPTIONS, MDX_OPTIONS),
    };
    renderersOf.set(processor, made);
  }
  return made;
}

let container: Promise<AstroContainer> | undefined;

/** The HTML of an .mdx note's compiled module, rendered by Astro as a page renders the note's `Content`. */
async function htmlOfMdxModule(code: string): Promise<string> {
  // The MDX renderer leaves the default export to @astrojs/mdx's Vite plugin.
  const source = `${code}\nexport default MDXContent;\n`;
  await mkdir(COMPILED, { recursive: true });
  const file = join(COMPILED, `${createHash('sha256').update(source).digest('hex').slice(0, 16)}.mjs`);
  await writeFile(file, source);
  const module = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: unknown };
  container ??= AstroContainer.create().then((created) => {
    created.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
    return created;
  });
  return (await container).renderToString(module.default as Parameters<AstroContainer['renderToString']>[0]);
}

/** Renders a note's body through `processor` the way Astro does for the note file's kind. */
async function renderThrough(
  processor: Processor,
  body: string,
  path: string,
): Promise<{ html: string; frontmatter: Record<string, unknown> }> {
  const { md, mdx } = renderers(processor);
  if (!path.endsWith('.mdx')) {
    const { code, metadata } = await (await md).render(body, { fileURL: pathToFileURL(resolve(path)) });
    return { html: code, frontmatter: metadata.frontmatter };
  }
  // The plugins record what they saw in the frontmatter object handed to the renderer.
  const frontmatter: Record<string, unknown> = {};
  const { code } = await (await mdx).process(body, resolve(path), frontmatter);
  return { html: await htmlOfMdxModule(code), frontmatter };
}

/** Runs some plugins over a note's body the way Astro's pipeline does, by the note file's kind. */
export async function renderWith(
  body: string,
  plugins: { mdastPlugins?: readonly MdastPluginEntry[]; hastPlugins?: readonly HastPluginEntry[] },
  path = 'content/notes/the-gil.md',
): Promise<{ html: string; frontmatter: Record<string, unknown> }> {
  return renderThrough(noteProcessor(plugins), body, path);
}

const registry = (plain: boolean, snippetMarks?: SnippetMarksLookup) =>
  noteProcessor(
    forSatteri(
      notePlugins({
        site: SITE,
        lookup,
        plain,
        ...(snippetMarks ? { snippetMarks } : {}),
        code: {
          themes: { light: 'github-light-default', dark: 'github-dark-default' },
          langAlias: { output: 'text' },
        },
      }),
    ),
  );
// One processor (so one Shiki highlighter) per kind, as the site has one; tests with marks of their own make more.
const shared = { plain: registry(true), full: registry(false) };
const processorFor = (plain: boolean, snippetMarks?: SnippetMarksLookup) =>
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

/** A note through the site's processor with the whole registry; `path` says whether it is .md or .mdx. */
export async function render(
  body: string,
  { plain = false, snippetMarks }: RenderOptions = {},
  path = 'content/notes/the-gil.md',
): Promise<Rendered> {
  const { html, frontmatter } = await renderThrough(processorFor(plain, snippetMarks), body, path);
  return { html, page: readPageData(frontmatter, path) };
}

/** Both kinds of note, for tests that prove .md and .mdx get the same rules. */
export const NOTE_KINDS = [
  ['.md notes', (body: string, options?: RenderOptions) => render(body, options, 'content/notes/the-gil.md')],
  ['.mdx notes', (body: string, options?: RenderOptions) => render(body, options, 'content/notes/the-gil.mdx')],
] as const;

export const withMdx = (body: string, options?: RenderOptions) => render(body, options, 'content/notes/the-gil.mdx');
