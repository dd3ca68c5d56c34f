/**
 * Links inline code that names a documented Python API to its anchor on docs.python.org, the way
 * Sphinx's intersphinx does: `asyncio.TaskGroup`, `asyncio.run()` and `loop.run_in_executor()`
 * (an alias, see python-api-aliases.ts) each become a link around the unchanged code.
 *
 * Rules:
 * - The code must be exactly a dotted name, optionally followed by `()`. Calls with arguments are
 *   examples, not names. Single words never link: `list`, `open()`, `timeout`, `queue` or `asyncio`
 *   are as often a variable, a parameter or the topic of the sentence as a reference, and would
 *   put a link in every other line; write a dotted name or a Markdown link when one is wanted.
 * - Code already inside a link (Markdown, reference-style or an MDX `<a>`), in a heading (the
 *   heading's own anchor link and the table of contents would nest links) or in a code block is
 *   left alone, and so is every name the inventory does not hold.
 * - Glossary terms are not linked: they are prose, not code, and linking words automatically
 *   would be noise; link a term by hand where it helps.
 * - To keep one occurrence plain, start the code with `!`, as in Sphinx: `` `!asyncio.run()` ``
 *   shows `asyncio.run()` with no link. It is plain inline code, so it works in .md and .mdx.
 *
 * Generated links carry `class="api-link"` and `data-api="<documented name>"`, so later plugins
 * and pages can tell them from links authors wrote; the list lands in `file.data.apiLinks` and,
 * under Astro, in the page's `remarkPluginFrontmatter.apiLinks`.
 */
import type { InlineCode, Link, Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { ApiLookup } from '../lib/python-inventory';
import { lineOffset } from '../lib/source-lines';

export interface ApiLink {
  /** The documented name, e.g. `asyncio.loop.run_in_executor` for `loop.run_in_executor()`. */
  name: string;
  url: string;
  /** The module it lives in, e.g. `asyncio`; the references index groups by it. */
  module: string;
  /** 1-based line in the note file. */
  line: number;
}

declare module 'vfile' {
  interface DataMap {
    apiLinks: ApiLink[];
  }
}

export interface RemarkPythonApiLinksOptions {
  /** Usually `apiLookup(inventory)` from src/lib/python-inventory.ts. */
  lookup: ApiLookup;
}

export const API_LINK_CLASS = 'api-link';
const OPT_OUT = '!';
const DOTTED_NAME = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)(?:\(\))?$/;

/** Whether a link node is one this plugin made rather than one an author wrote. */
export function isApiLink(link: Link): boolean {
  const className = link.data?.hProperties?.['className'];
  return Array.isArray(className) && className.includes(API_LINK_CLASS);
}

const isJsxElement = (node: Nodes): node is MdxJsxTextElement | MdxJsxFlowElement => node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement';

function isLink(node: Nodes): boolean {
  return node.type === 'link' || node.type === 'linkReference' || (isJsxElement(node) && node.name === 'a');
}

/** Code inside these stays plain: a link would nest in a link, or in a heading's anchor and the table of contents. */
export function keepsCodePlain(node: Nodes): boolean {
  return isLink(node) || node.type === 'heading';
}

export interface ApiLinkChange {
  /** What takes the code's place: a link around it, or the code without its `!`. */
  replacement: Link | InlineCode;
  /** The API linked, when there is one; its line is in the text the tree was parsed from. */
  link?: ApiLink;
}

/** What becomes of one inline code outside links and headings, or `undefined` when it stays as it is. */
export function apiLinkChange(code: InlineCode, lookup: ApiLookup): ApiLinkChange | undefined {
  if (code.value.startsWith(OPT_OUT) && DOTTED_NAME.test(code.value.slice(OPT_OUT.length))) {
    return { replacement: { type: 'inlineCode', value: code.value.slice(OPT_OUT.length) } };
  }
  const name = DOTTED_NAME.exec(code.value)?.[1];
  const target = name === undefined ? undefined : lookup(name);
  if (!target) return undefined;
  return {
    replacement: {
      type: 'link',
      url: target.url,
      children: [{ type: 'inlineCode', value: code.value }],
      data: { hProperties: { className: [API_LINK_CLASS], 'data-api': target.name } },
      ...(code.position ? { position: code.position } : {}),
    },
    link: { name: target.name, url: target.url, module: target.module, line: code.position?.start.line ?? 0 },
  };
}

/** Keeps the links in `file.data.apiLinks` and, under Astro, in the page's `remarkPluginFrontmatter`, with lines of the note file. */
export function recordApiLinks(links: ApiLink[], file: VFile): void {
  // Astro strips an .md note's frontmatter before parsing; authors look for the line in the file.
  const offset = links.length > 0 ? lineOffset(file) : 0;
  const recorded = links.map((link) => ({ ...link, line: link.line + offset }));
  file.data.apiLinks = recorded;
  const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
  if (frontmatter) frontmatter['apiLinks'] = recorded;
}

export function remarkPythonApiLinks({ lookup }: RemarkPythonApiLinksOptions) {
  return (tree: Root, file: VFile) => {
    const links: ApiLink[] = [];
    visit(tree, (node, index, parent) => {
      if (keepsCodePlain(node)) return SKIP;
      if (node.type !== 'inlineCode' || parent === undefined || index === undefined) return undefined;
      const change = apiLinkChange(node, lookup);
      if (change === undefined) return undefined;
      parent.children[index] = change.replacement;
      if (change.link) links.push(change.link);
      return SKIP;
    });
    recordApiLinks(links, file);
  };
}
