/**
 * Links inline code that names a documented Python API to its anchor on docs.python.org, the way
 * Sphinx's intersphinx does: `asyncio.TaskGroup`, `asyncio.run()` and `loop.run_in_executor()`
 * (an alias, see src/lib/python-docs/aliases.ts) each become a link around the unchanged code.
 *
 * Rules:
 * - The code must be a dotted name, optionally followed by `()` or by its arguments in brackets:
 *   `loop.call_soon_threadsafe(callback, *args)` links like `loop.call_soon_threadsafe()`. Of
 *   single words only built-in exceptions and functions link, and only bare or with `()`
 *   (`ExceptionGroup`, `TimeoutError`, `open()`): `timeout`, `queue` or `asyncio` are as often a
 *   variable, a parameter or the topic of the sentence, and `None`, `True` and `False` need no link.
 * - A name the oldest supported Python lacks gets a version mark after its link ("3.11+"), and a
 *   deprecated one says so ("deprecated 3.14, removed in 3.16"); both are text screen readers read.
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
import type { Emphasis, InlineCode, Link, Nodes } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdastPluginDefinition } from 'satteri';
import type { ApiLookup, ApiTarget } from '../lib/python-docs/inventory';
import { markText, versionMark } from '../lib/python-docs/version-marks';
import { type CollectedApiLink, pageData } from '../lib/content/page-data';

export const API_LINK_CLASS = 'api-link';
const OPT_OUT = '!';
const DOTTED_NAME = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)(?:\(\))?$/;
/** A dotted name called with its arguments, the whole code one call: `asyncio.wait_for(job, 5)`. */
const DOTTED_CALL = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)\((?:[^()]|\([^()]*\))*\)$/;
const SINGLE_NAME = /^([A-Za-z_]\w*)(?:\(\))?$/;
const BUILTIN_PAGES = /\/library\/(exceptions|functions)\.html#/;

/** A single word links only when it is a built-in exception or function. */
const isBuiltin = (target: ApiTarget) =>
  target.module === 'builtins' &&
  (target.kind === 'exception' || target.kind === 'function') &&
  BUILTIN_PAGES.test(target.url);

/** What an inline code names, if it names a documented API this plugin links. */
function targetOf(code: string, lookup: ApiLookup): ApiTarget | undefined {
  const dotted = DOTTED_NAME.exec(code)?.[1] ?? DOTTED_CALL.exec(code)?.[1];
  if (dotted !== undefined) return lookup(dotted);
  const single = SINGLE_NAME.exec(code)?.[1];
  const target = single === undefined ? undefined : lookup(single);
  return target && isBuiltin(target) ? target : undefined;
}

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
  /** What takes the code's place: a link around it (and its version mark), or the code without its `!`. */
  replacement: Array<Link | InlineCode | Emphasis>;
  /** The API linked, when there is one; its line is in the text the tree was parsed from. */
  link?: CollectedApiLink;
}

/** What becomes of one inline code outside links and headings, or `undefined` when it stays as it is. */
export function apiLinkChange(code: InlineCode, lookup: ApiLookup): ApiLinkChange | undefined {
  const plain = code.value.slice(OPT_OUT.length);
  if (code.value.startsWith(OPT_OUT) && (DOTTED_NAME.test(plain) || SINGLE_NAME.test(plain))) {
    return { replacement: [{ type: 'inlineCode', value: plain }] };
  }
  const target = targetOf(code.value, lookup);
  if (!target) return undefined;
  const link: Link = {
    type: 'link',
    url: target.url,
    children: [{ type: 'inlineCode', value: code.value }],
    data: { hProperties: { className: [API_LINK_CLASS], 'data-api': target.name } },
    ...(code.position ? { position: code.position } : {}),
  };
  const mark = versionMark(target);
  const facts = {
    ...(target.added === undefined ? {} : { added: target.added }),
    ...(target.deprecated === undefined ? {} : { deprecated: target.deprecated }),
    ...(target.removal === undefined ? {} : { removal: target.removal }),
  };
  return {
    replacement: mark === undefined ? [link] : [link, markNode(markText(mark), mark.deprecated !== undefined)],
    link: { name: target.name, url: target.url, module: target.module, line: code.position?.start.line ?? 0, ...facts },
  };
}

/** The mark after an API link: a span of text, styled apart, read by screen readers like the words around it. */
function markNode(text: string, deprecated: boolean): Emphasis {
  const className = ['api-mark', ...(deprecated ? ['api-mark--deprecated'] : [])];
  return {
    type: 'emphasis',
    data: { hName: 'span', hProperties: { className } },
    children: [{ type: 'text', value: text }],
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
