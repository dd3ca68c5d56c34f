/**
 * Records every URL a note's HTML carries, with its line, into the page data: each URL attribute
 * (`href`, `src`, `srcset`…, see URL_ATTRIBUTES) of the elements Markdown made, of the elements in
 * a .md note's raw HTML, read by an HTML parser as a browser reads them (entities decoded), and of
 * an .mdx note's elements. Each value is read once with `readUrlAttribute`, so every rule of the
 * validation stage sees the URL a browser would follow. Links the processor makes itself (footnote
 * references and back-references) and the API links of ./api-links.ts (recorded apart) are left out.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastText } from 'hast-util-to-string';
import type { HastPluginDefinition, MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'satteri';
import { type CollectedLink, pageData } from '../lib/content/page-data';
import { URL_ATTRIBUTES, URL_ELEMENTS, urlsOfAttribute } from '../lib/references/links';
import { API_LINK_CLASS } from './api-links';

type Kind = CollectedLink['kind'];
type Collect = (url: string, text: string, line: number, kind: Kind) => void;

const IMAGE_ELEMENTS = new Set(['img', 'image']);
const kindOf = (tagName: string): Kind => (IMAGE_ELEMENTS.has(tagName) ? 'image' : 'link');
const lineOf = (node: { position?: { start: { line: number } } | undefined }, offset = 0) =>
  node.position ? node.position.start.line + offset : 0;

/** Whether Markdown (not the author) made this element: a footnote link, or an API link. */
function isGenerated(element: Element): boolean {
  const { className, dataFootnoteRef, dataFootnoteBackref } = element.properties;
  return (
    dataFootnoteRef !== undefined ||
    dataFootnoteBackref !== undefined ||
    (Array.isArray(className) && className.includes(API_LINK_CLASS))
  );
}

/** The URLs of one element's attributes. */
function elementUrls(element: Element, collect: Collect, line: number): void {
  for (const { property, list } of URL_ATTRIBUTES) {
    const value = element.properties[property];
    if (value === undefined || value === null) continue;
    const text = element.tagName === 'img' ? String(element.properties['alt'] ?? '') : hastText(element);
    for (const url of urlsOfAttribute(value, list)) collect(url, text, line, kindOf(element.tagName));
  }
}

/** Every element of a piece of raw HTML, parsed as a browser parses it, with its line in the note. */
function rawUrls(html: string, firstLine: number, collect: Collect): void {
  const visit = (node: Root | RootContent | ElementContent) => {
    if (node.type === 'element') elementUrls(node, collect, lineOf(node, firstLine - 1));
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(fromHtml(html, { fragment: true }));
}

const JSX_NAMES = new Map<string, (typeof URL_ATTRIBUTES)[number]>(
  URL_ATTRIBUTES.flatMap((entry) => [
    [entry.attribute.toLowerCase(), entry],
    [entry.property.toLowerCase(), entry],
  ]),
);

/** The URLs of an MDX element; one written as an expression cannot be checked, so it is recorded as such. */
function jsxUrls(node: MdxJsxFlowElementHast | MdxJsxTextElementHast, collect: Collect): void {
  const name = node.name ?? '';
  const line = lineOf(node);
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      collect('', `<${name} {…}>`, line, 'expression');
      continue;
    }
    const entry = JSX_NAMES.get(attribute.name.toLowerCase());
    if (entry === undefined) continue;
    if (typeof attribute.value === 'string')
      for (const url of urlsOfAttribute(attribute.value, entry.list)) collect(url, '', line, kindOf(name));
    else collect('', `<${name} ${attribute.name}={…}>`, line, 'expression');
  }
}

export const collectLinks = (): HastPluginDefinition => {
  // A factory: each note collects into a list of its own, in document order.
  const links: CollectedLink[] = [];
  const collect: Collect = (url, text, line, kind) => void links.push({ url, text, line, kind });
  return {
    name: 'collect-links',
    options: { position: true },
    element: {
      filter: [...URL_ELEMENTS],
      visit(element) {
        if (!isGenerated(element)) elementUrls(element, collect, lineOf(element));
      },
    },
    raw(node) {
      rawUrls(node.value, lineOf(node) || 1, collect);
    },
    mdxJsxFlowElement: { filter: [...URL_ELEMENTS], visit: (node) => jsxUrls(node, collect) },
    mdxJsxTextElement: { filter: [...URL_ELEMENTS], visit: (node) => jsxUrls(node, collect) },
    after(_root, context) {
      pageData(context.data).links = links;
    },
  };
};
