/**
 * Collects every external link of a note (inline, reference-style, autolinks, links in lists,
 * tables and footnotes, and `<a href>` in MDX) with its text and line, and stops the build on
 * one that has no entry in the references catalogue.
 */
import type { Definition, Link, LinkReference, Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { ContentError, type ContentProblem } from '../lib/content/errors';
import { lineOffset } from '../lib/source-lines';
import { isOutboundUrl } from '../lib/urls';

export interface OutboundLink {
  /** The URL exactly as the author wrote it. */
  url: string;
  /** The visible link text (the URL itself for autolinks). */
  text: string;
  /** 1-based line in the note file. */
  line: number;
}

declare module 'vfile' {
  interface DataMap {
    outboundLinks: OutboundLink[];
  }
}

export interface RemarkOutboundLinksOptions {
  /** The site's own URL: absolute links to it are internal. */
  site: string;
  /** Whether a URL has a reference entry; links for which it answers false stop the build. */
  isCatalogued?: (url: string) => boolean;
  /** Where the catalogue lives, for the message that says how to add an entry. */
  catalogueFile?: string;
  /** Turns a vfile path into the path shown to authors. */
  displayPath?: (path: string) => string;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

function jsxHref(node: JsxElement): string | undefined {
  if (node.name !== 'a') return undefined;
  const href = node.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'href');
  return typeof href?.value === 'string' ? href.value : undefined;
}

function definitionsOf(tree: Root): Map<string, Definition> {
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node) => {
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
  });
  return definitions;
}

/** Every link of the tree with its target, in document order. */
function linksOf(tree: Root): OutboundLink[] {
  const definitions = definitionsOf(tree);
  const links: OutboundLink[] = [];
  visit(tree, (node: Nodes) => {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'link') {
      links.push({ url: (node as Link).url, text: toString(node), line });
    } else if (node.type === 'linkReference') {
      const definition = definitions.get((node as LinkReference).identifier);
      if (definition) links.push({ url: definition.url, text: toString(node), line });
    } else if (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') {
      const href = jsxHref(node);
      if (href !== undefined) links.push({ url: href, text: toString(node), line });
    }
  });
  return links;
}

function missingEntryProblem(link: OutboundLink, file: string, catalogueFile: string): ContentProblem {
  return {
    file,
    line: link.line,
    message: `links to ${link.url}, which has no entry in ${catalogueFile}: add one with id, url, title, kind, author, year and summary (or link to a URL that is already there)`,
  };
}

export function remarkOutboundLinks(options: RemarkOutboundLinksOptions) {
  const { site, isCatalogued, catalogueFile = 'content/references.yaml', displayPath = (path) => path } = options;
  return (tree: Root, file: VFile) => {
    const offset = lineOffset(file);
    const outbound = linksOf(tree)
      .filter((link) => isOutboundUrl(link.url, site))
      .map((link) => ({ ...link, line: link.line + offset }));
    file.data.outboundLinks = outbound;
    const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
    if (frontmatter) frontmatter['outboundLinks'] = outbound;

    if (isCatalogued) {
      const problems = outbound
        .filter((link) => !isCatalogued(link.url))
        .map((link) => missingEntryProblem(link, displayPath(file.path), catalogueFile));
      if (problems.length > 0) throw new ContentError(problems);
    }
  };
}
