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
 * and pages can tell them from links authors wrote; the list lands in the page data's `apiLinks`.
 */
import type { InlineCode, Link, Nodes } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdastPluginDefinition } from 'satteri';
import type { ApiLookup } from '../lib/python-docs/inventory';
import { type CollectedApiLink, pageData } from './page-data';

export const API_LINK_CLASS = 'api-link';
const OPT_OUT = '!';
const DOTTED_NAME = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)(?:\(\))?$/;

const isJsxElement = (node: Nodes): node is MdxJsxTextElement | MdxJsxFlowElement =>
  node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement';

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
  link?: CollectedApiLink;
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

/** Inline code that names a documented Python API becomes a link to its docs; the links go into the page data. */
export function apiLinks(lookup: ApiLookup): () => MdastPluginDefinition {
  // A factory: each note collects into a list of its own.
  return () => {
    const links: CollectedApiLink[] = [];
    return {
      name: 'api-links',
      options: { position: true },
      inlineCode(code, context) {
        const change = apiLinkChange(code, lookup);
        if (change === undefined) return;
        // Most inline code names no API, so only a candidate pays for the walk up its ancestors.
        let ancestor: Readonly<Nodes> | undefined = context.parent(code);
        while (ancestor !== undefined) {
          if (keepsCodePlain(ancestor as Nodes)) return;
          ancestor = context.parent(ancestor);
        }
        context.replaceNode(code, change.replacement);
        if (change.link) links.push(change.link);
      },
      after(_tree, context) {
        pageData(context.data).apiLinks = links;
      },
    };
  };
}
