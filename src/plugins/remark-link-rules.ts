/**
 * Holds every link of a note to the site's rules: no javascript:, data: or file: links, no
 * malformed URLs, internal links that reach an existing note, heading or tag. Breaking a rule
 * stops the build with the file and line; a plain http:// link is only a warning.
 */
import type { Definition, Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { ContentError, type ContentProblem } from '../lib/content/errors';
import { lineOffset } from '../lib/source-lines';
import { headingIds, LAYOUT_ANCHORS } from '../lib/note-anchors';
import { slugFromFileName } from '../lib/paths';
import type { SiteCatalogue } from '../lib/site-catalogue';
import { classifyLink } from '../lib/site-links';

export interface RemarkLinkRulesOptions {
  site: string;
  catalogue: SiteCatalogue;
  displayPath?: (path: string) => string;
  warn?: (message: string) => void;
}

export function remarkLinkRules({ site, catalogue, displayPath = (path) => path, warn = console.warn }: RemarkLinkRulesOptions) {
  return (tree: Root, file: VFile) => {
    const slug = slugFromFileName(file.path);
    const shown = displayPath(file.path);
    // Most notes never link to their own headings: work their ids out only when one does.
    let ownAnchors: Set<string> | undefined;
    const anchorsOfThisNote = () => (ownAnchors ??= new Set<string>([...LAYOUT_ANCHORS, ...headingIds(tree)]));
    const problems: ContentProblem[] = [];
    const offset = lineOffset(file);
    visit(tree, (node) => node.type === 'link' || node.type === 'definition', (node) => {
      const link = node as Link | Definition;
      const line = link.position === undefined ? undefined : link.position.start.line + offset;
      const at = { file: shown, ...(line === undefined ? {} : { line }) };
      const fail = (message: string) => problems.push({ ...at, message: `link ${link.url} ${message}` });
      const verdict = classifyLink(link.url, slug, site);
      switch (verdict.kind) {
        case 'problem':
          fail(verdict.message);
          break;
        case 'outbound':
          if (link.url.startsWith('http:')) warn(`${at.file}:${at.line ?? '?'}: link ${link.url} uses plain http: use https:// where the site offers it`);
          break;
        case 'note': {
          const anchors = verdict.slug === slug ? anchorsOfThisNote() : catalogue.anchorsOf(verdict.slug);
          if (anchors === undefined) fail(`points to a note "${verdict.slug}" that does not exist: link to an existing file name in content/notes/`);
          else if (verdict.fragment !== undefined && !anchors.has(verdict.fragment)) {
            fail(`points to #${verdict.fragment}, which is no heading of "${verdict.slug}": headings there are ${[...anchors].filter((a) => !(LAYOUT_ANCHORS as readonly string[]).includes(a)).map((a) => `#${a}`).join(', ') || 'none'}`);
          }
          break;
        }
        case 'tag':
          if (!catalogue.hasTag(verdict.tagId)) fail(`points to a tag "${verdict.tagId}" that is not in content/tags.yaml`);
          break;
        case 'mail':
        case 'page':
          break;
      }
    });
    if (problems.length > 0) throw new ContentError(problems);
  };
}
