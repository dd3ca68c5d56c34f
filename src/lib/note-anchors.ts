/** The `#fragment` targets a note page has: its heading ids (as Astro makes them) and the layout's sections. */
import GithubSlugger from 'github-slugger';
import type { Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { markdownToMdast } from 'satteri';
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

/**
 * The heading lines of a note (ATX and setext, outside code fences and frontmatter), in order.
 * Parsing only these is far cheaper than parsing whole notes, and gives the same heading text.
 */
export function headingLines(markdown: string): string {
  const lines = markdown.split(/\r?\n/);
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
    start = end === -1 ? 0 : end + 1;
  }
  const headings: string[] = [];
  let fence: string | undefined;
  for (let index = start; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker !== undefined && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === undefined ? marker : undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const previous = lines[index - 1] ?? '';
    if (/^ {0,3}#{1,6}(\s|$)/.test(line)) headings.push(line);
    else if (/^ {0,3}(=+|-+)\s*$/.test(line) && previous.trim() !== '' && !/^ {0,3}([#>*+-]|\d+[.)])/.test(previous)) headings.push(`${previous}\n${line}`);
  }
  return headings.join('\n\n');
}

/** Every fragment a link into this note may use. */
export function noteAnchors(markdown: string): Set<string> {
  const tree = markdownToMdast(headingLines(markdown), { features: { gfm: true }, position: false }) as Root;
  return new Set([...LAYOUT_ANCHORS, ...headingIds(tree)]);
}
