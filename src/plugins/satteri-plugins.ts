/**
 * The project's Markdown plugins in the form Sätteri takes. Sätteri, Astro's native Markdown
 * processor, renders the .md notes; its trees are read-only to JavaScript and change only through
 * the context's edit methods, so checks that only read run as they are, and plugins that change
 * the page plan their changes first and apply them through the context.
 */
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent, Properties } from 'hast';
import type { Root } from 'mdast';
import type { HastPluginDefinition, MdastPluginDefinition } from 'satteri';
import { VFile } from 'vfile';
import { planApiLinks, recordApiLinks, type RemarkPythonApiLinksOptions } from './remark-python-api-links';
import { TASK_STATE_LABELS } from './rehype-task-list-labels';

/** A remark transformer that reads the tree and the file, and may throw to stop the build. */
export type TreeCheck = (tree: Root, file: VFile) => void;

interface DocumentContext {
  readonly fileURL: URL | undefined;
  readonly source: string;
  readonly data: Record<string, unknown>;
}

/** The file a remark transformer expects: the note's path, the text Sätteri parses and Astro's data (frontmatter included). */
function fileOf(context: DocumentContext): VFile {
  return new VFile({
    value: context.source,
    ...(context.fileURL ? { path: fileURLToPath(context.fileURL) } : {}),
    ...('astro' in context.data ? { data: { astro: context.data['astro'] } as VFile['data'] } : {}),
  });
}

/** Runs remark transformers that only read the tree (link rules, link collection) on Sätteri's tree, in order. */
export function satteriTreeChecks(name: string, checks: readonly TreeCheck[]): MdastPluginDefinition {
  return {
    name,
    // Lines in error messages need node positions, which Sätteri leaves out unless a plugin asks.
    options: { position: true },
    before(tree, context) {
      const file = fileOf(context);
      for (const check of checks) check(tree as Root, file);
    },
  };
}

/** Inline code that names a documented Python API becomes a link to its docs (see remark-python-api-links.ts). */
export function satteriPythonApiLinks({ lookup }: RemarkPythonApiLinksOptions): MdastPluginDefinition {
  return {
    name: 'python-api-links',
    options: { position: true },
    before(tree, context) {
      const { replacements, links } = planApiLinks(tree as Root, lookup);
      for (const [code, replacement] of replacements) context.replaceNode(code, replacement);
      recordApiLinks(links, fileOf(context));
    },
  };
}

/** The options of rehype-external-links that this site uses, so one set of options serves both processors. */
export interface ExternalLinkOptions {
  test: (link: Element) => boolean;
  rel: string[];
  properties: (link: Element) => Properties;
  content: ElementContent;
  contentProperties: Properties;
}

/** Marks outbound links the way rehype-external-links does for the .mdx notes: rel, classes and a hidden "(external site)". */
export function satteriExternalLinks(options: ExternalLinkOptions): HastPluginDefinition {
  return {
    name: 'external-links',
    element: {
      filter: ['a'],
      visit(link, context) {
        if (!options.test(link as Element)) return;
        context.setProperty(link, 'rel', options.rel);
        for (const [key, value] of Object.entries(options.properties(link as Element))) context.setProperty(link, key, value);
        context.appendChild(link, { type: 'element', tagName: 'span', properties: options.contentProperties, children: [options.content] });
      },
    },
  };
}

/** Names the read-only checkboxes of GFM task lists, as rehype-task-list-labels does for the .mdx notes. */
export function satteriTaskListLabels(): HastPluginDefinition {
  return {
    name: 'task-list-labels',
    element: {
      filter: ['input'],
      visit(input, context) {
        const properties = (input as Element).properties;
        if (properties['type'] !== 'checkbox') return;
        context.setProperty(input, 'ariaLabel', properties['checked'] ? TASK_STATE_LABELS.done : TASK_STATE_LABELS.open);
      },
    },
  };
}
