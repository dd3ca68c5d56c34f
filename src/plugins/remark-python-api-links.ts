/**
 * Links inline code that names a documented Python API (`asyncio.TaskGroup`, `loop.run_in_executor()`)
 * to its anchor on docs.python.org, the way Sphinx's intersphinx does.
 *
 * Rules: the code must be exactly a dotted name, optionally followed by `()`; single words are
 * left alone (`print`, `asyncio` as a word would link everywhere). Code already in a link, in a
 * heading or in a fenced block is left alone, as is every unknown name. To keep one occurrence
 * plain, start it with `!`: `` `!asyncio.run()` `` shows `asyncio.run()` without a link.
 */
import type { InlineCode, Link, Nodes, Parent, Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { resolveAlias } from '../lib/python-api-aliases';
import type { ApiTarget } from '../lib/python-inventory';

export interface ApiLink {
  /** The documented name, e.g. `asyncio.TaskGroup`. */
  name: string;
  url: string;
  module: string;
  line: number;
}

declare module 'vfile' {
  interface DataMap {
    apiLinks: ApiLink[];
  }
}

export interface RemarkPythonApiLinksOptions {
  lookup: (name: string) => ApiTarget | undefined;
}

const DOTTED_NAME = /^([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)(\(\))?$/;
const OPT_OUT = '!';

const SKIPPED_PARENTS = new Set<Nodes['type']>(['link', 'linkReference', 'heading']);

export function remarkPythonApiLinks({ lookup }: RemarkPythonApiLinksOptions) {
  return (tree: Root, file: VFile) => {
    const links: ApiLink[] = [];
    visit(tree, (node: Nodes, index, parent: Parent | undefined) => {
      if (SKIPPED_PARENTS.has(node.type)) return SKIP;
      if (node.type !== 'inlineCode' || parent === undefined || index === undefined) return undefined;
      const code = node as InlineCode;
      if (code.value.startsWith(OPT_OUT) && DOTTED_NAME.test(code.value.slice(1))) {
        code.value = code.value.slice(1);
        return undefined;
      }
      const match = DOTTED_NAME.exec(code.value);
      const target = match?.[1] === undefined ? undefined : lookup(resolveAlias(match[1]));
      if (!target) return undefined;
      const link: Link = {
        type: 'link',
        url: target.url,
        children: [code],
        data: { hProperties: { dataApi: target.name } },
        ...(code.position ? { position: code.position } : {}),
      };
      parent.children[index] = link as (typeof parent.children)[number];
      links.push({ name: target.name, url: target.url, module: target.module, line: code.position?.start.line ?? 0 });
      return SKIP;
    });
    file.data.apiLinks = links;
    const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
    if (frontmatter) frontmatter['apiLinks'] = links;
  };
}

