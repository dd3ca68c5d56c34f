/** The `#fragment` targets a note page has: its heading ids (as Astro makes them) and the layout's sections. */
import GithubSlugger from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** Ids the note layout adds around every note's content. */
export const LAYOUT_ANCHORS = ['main', 'toc-heading', 'references', 'related-heading'] as const;

/** Heading ids of a Markdown tree, made the way Astro makes them (github-slugger over the heading text). */
export function headingIds(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  visit(tree, 'heading', (heading: Heading) => {
    ids.add(slugger.slug(toString(heading)));
  });
  return ids;
}

/** Every fragment a link into this note may use. */
export function noteAnchors(markdown: string): Set<string> {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  return new Set([...LAYOUT_ANCHORS, ...headingIds(tree)]);
}
