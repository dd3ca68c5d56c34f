/**
 * The link rules of the validation stage, over what the plugins collected from every note: no
 * javascript:, data: or file: links, no malformed URLs, internal links that reach a published
 * note, one of its headings (as rendered) or a tag, outbound links with a reference entry, and
 * images served by the site itself. A plain http:// link is only a warning.
 */
import type { ContentProblem } from '../content/errors';
import { classifyLink } from '../references/links';
import type { CollectedLink } from '../content/page-data';

export interface NoteLinks {
  /** The note page's site path, e.g. `/notes/gil/`: relative links resolve from there. */
  page: string;
  /** The note file as authors see it, e.g. `content/notes/uvloop.md`. */
  file: string;
  links: readonly CollectedLink[];
}

export interface LinkTargets {
  site: string;
  /** Published notes by slug, with the ids their pages carry: headings as rendered, and the layout's own. */
  anchors: ReadonlyMap<string, ReadonlySet<string>>;
  /** Published error entries by slug, with the ids their pages carry. */
  errorAnchors?: ReadonlyMap<string, ReadonlySet<string>>;
  tagIds: ReadonlySet<string>;
  isCatalogued: (url: string) => boolean;
  /** Where reference entries go, for the message that says how to add one. */
  catalogueFile: string;
}

export interface LinkFindings {
  problems: ContentProblem[];
  warnings: string[];
}

/** `line` is where the plugin saw the link; `fileLine` turns it into a line of the note file. */
export function linkFindings(
  { page, file, links }: NoteLinks,
  targets: LinkTargets,
  fileLine: (line: number) => number = (line) => line,
): LinkFindings {
  const problems: ContentProblem[] = [];
  const warnings: string[] = [];
  for (const link of links) {
    // The file is read for its line numbers only when there is something to report.
    const at = () => ({ file, ...(link.line > 0 ? { line: fileLine(link.line) } : {}) });
    const fail = (message: string) => problems.push({ ...at(), message });
    if (link.kind === 'expression') {
      fail(
        `${link.text} is written as an expression, which the link rules cannot check: write the address as a plain ` +
          `string`,
      );
      continue;
    }
    const verdict = classifyLink(link.url, page, targets.site);
    const noun = link.kind === 'image' ? 'image' : 'link';
    switch (verdict.kind) {
      case 'problem':
        fail(`${noun} ${link.url} ${verdict.message}`);
        break;
      case 'outbound':
        if (link.kind === 'image')
          fail(
            `image ${link.url} is loaded from another site, which the site's Content-Security-Policy blocks: put the ` +
              `file in public/ and link it relatively`,
          );
        else if (!targets.isCatalogued(link.url)) {
          fail(
            `links to ${link.url}, which has no entry in ${targets.catalogueFile}: add one with id, url, title, ` +
              `kind, author, year and summary (or link to a URL that is already there)`,
          );
        } else if (!verdict.https)
          warnings.push(
            `${file}:${at().line ?? '?'}: link ${link.url} uses plain http: use https:// where the site offers it`,
          );
        break;
      case 'note': {
        const ids = targets.anchors.get(verdict.slug);
        if (ids === undefined)
          fail(
            `link ${link.url} points to a note "${verdict.slug}" that does not exist: link to an existing file name ` +
              `in content/notes/`,
          );
        else if (verdict.fragment !== undefined && !ids.has(verdict.fragment)) {
          fail(
            `link ${link.url} points to #${verdict.fragment}, which is no heading of "${verdict.slug}": ` +
              `its page has ${[...ids].map((id) => `#${id}`).join(', ') || 'none'}`,
          );
        }
        break;
      }
      case 'error': {
        const ids = targets.errorAnchors?.get(verdict.slug);
        if (ids === undefined)
          fail(
            `link ${link.url} points to an error entry "${verdict.slug}" that does not exist: link to an existing ` +
              `file name in content/errors/`,
          );
        else if (verdict.fragment !== undefined && !ids.has(verdict.fragment))
          fail(
            `link ${link.url} points to #${verdict.fragment}, which is no heading of the error entry ` +
              `"${verdict.slug}": its page has ${[...ids].map((id) => `#${id}`).join(', ') || 'none'}`,
          );
        break;
      }
      case 'tag':
        if (!targets.tagIds.has(verdict.tagId))
          fail(`link ${link.url} points to a tag "${verdict.tagId}" that is not in content/tags.yaml`);
        break;
      case 'mail':
      case 'page':
        break;
    }
  }
  return { problems, warnings };
}
