/**
 * Records every link target a note writes, with its line, into the page data: inline and
 * reference-style links (each reference with the URL of its definition), definitions no link
 * uses, autolinks, images, and the `href` or `src` of raw HTML in .md notes and of elements in
 * .mdx notes. This is the one definition of "a link" that every link rule of the validation
 * stage reads, so no way of writing a link escapes them.
 */
import type { MdastPluginDefinition } from 'satteri';
import { pageData, type CollectedLink } from './page-data';

/** `href` and `src` attributes in a piece of raw HTML, in order. */
const HTML_TARGET = /<[a-z][\w-]*\b[^>]*?\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

export function htmlTargets(html: string): string[] {
  return [...html.matchAll(HTML_TARGET)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

interface Position {
  start: { line: number };
}
const lineOf = (node: { position?: Position | undefined }) => node.position?.start.line ?? 0;

type Written =
  | { kind: 'link'; link: CollectedLink }
  | { kind: 'reference'; identifier: string; text: string; line: number }
  | { kind: 'definition'; identifier: string; url: string; line: number };

export const collectLinks = (): MdastPluginDefinition => {
  // In document order; references are resolved once every definition is known.
  const written: Written[] = [];
  const link = (url: string, text: string, line: number, kind: CollectedLink['kind'] = 'link') =>
    written.push({ kind: 'link', link: { url, text, line, kind } });
  return {
    name: 'collect-links',
    options: { position: true },
    link(node, context) {
      link(node.url, context.textContent(node, { includeImageAlt: true }), lineOf(node));
    },
    image(node) {
      link(node.url, node.alt ?? '', lineOf(node), 'image');
    },
    linkReference(node, context) {
      written.push({
        kind: 'reference',
        identifier: node.identifier,
        text: context.textContent(node, { includeImageAlt: true }),
        line: lineOf(node),
      });
    },
    definition(node) {
      written.push({ kind: 'definition', identifier: node.identifier, url: node.url, line: lineOf(node) });
    },
    html(node) {
      for (const url of htmlTargets(node.value)) link(url, '', lineOf(node));
    },
    mdxJsxFlowElement(node) {
      jsxTargets(node, link);
    },
    mdxJsxTextElement(node) {
      jsxTargets(node, link);
    },
    after(_tree, context) {
      const definitions = new Map(
        written.flatMap((item) => (item.kind === 'definition' ? [[item.identifier, item] as const] : [])),
      );
      const used = new Set<string>();
      const links: CollectedLink[] = [];
      for (const item of written) {
        if (item.kind === 'link') links.push(item.link);
        else if (item.kind === 'reference') {
          const definition = definitions.get(item.identifier);
          if (definition) links.push({ url: definition.url, text: item.text, line: item.line, kind: 'link' });
          used.add(item.identifier);
        }
      }
      // A definition no link uses is still a URL the author wrote, and obeys the same rules.
      for (const item of definitions.values())
        if (!used.has(item.identifier)) links.push({ url: item.url, text: '', line: item.line, kind: 'link' });
      pageData(context.data).links = links;
    },
  };
};

interface JsxElement {
  name?: string | null;
  attributes: ReadonlyArray<{ type: string; name?: string; value?: unknown }>;
  position?: Position | undefined;
}

/**
 * The `href` and `src` of an MDX element; one written as an expression cannot be checked, so it is recorded as an
 * expression.
 */
function jsxTargets(
  node: JsxElement,
  link: (url: string, text: string, line: number, kind?: CollectedLink['kind']) => void,
): void {
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || (attribute.name !== 'href' && attribute.name !== 'src')) continue;
    const kind = node.name === 'img' ? 'image' : 'link';
    if (typeof attribute.value === 'string') link(attribute.value, '', lineOf(node), kind);
    else link('', `<${node.name ?? ''} ${attribute.name}={…}>`, lineOf(node), 'expression');
  }
}
