/**
 * The project's Markdown plugins in the form Sätteri takes. Sätteri, Astro's native Markdown
 * processor, renders the .md notes. It hands plugins only the node types they ask for, and its
 * nodes change only through the context's edit methods: the checks read the nodes they need,
 * and the API links replace inline code through the context.
 */
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent, Properties } from 'hast';
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import type { HastPluginDefinition, MdastPluginEntry } from 'satteri';
import { VFile } from 'vfile';
import { type ApiLink, apiLinkChange, keepsCodePlain, recordApiLinks, type RemarkPythonApiLinksOptions } from './remark-python-api-links';
import { TASK_STATE_LABELS } from './rehype-task-list-labels';

/** A remark transformer that only reads the tree and the file, and may throw to stop the build. */
export type TreeCheck = (tree: Root, file: VFile) => void;

interface DocumentContext {
  readonly fileURL: URL | undefined;
  readonly source: string;
  readonly data: Record<string, unknown>;
}

// One file per document, shared by the plugins, so what they work out about it is worked out once.
const files = new WeakMap<object, VFile>();

/** The file a remark transformer expects: the note's path, the text Sätteri parses and Astro's data (frontmatter included). */
function fileOf(context: DocumentContext): VFile {
  const known = files.get(context.data);
  if (known) return known;
  const file = new VFile({
    value: context.source,
    ...(context.fileURL ? { path: fileURLToPath(context.fileURL) } : {}),
    ...('astro' in context.data ? { data: { astro: context.data['astro'] } as VFile['data'] } : {}),
  });
  files.set(context.data, file);
  return file;
}

/**
 * Runs remark transformers that read links, definitions and headings (the link rules and the
 * outbound-link collector) on a tree of just those nodes, in document order. Headings are
 * reduced to their text, so a link inside one is not met twice.
 */
export function satteriLinkChecks(name: string, checks: readonly TreeCheck[]): MdastPluginEntry {
  // A factory: Sätteri calls it once per document, so each note collects into a fresh list.
  return () => {
    const nodes: RootContent[] = [];
    return {
      name,
      // Lines in error messages need node positions, which Sätteri leaves out unless a plugin asks.
      options: { position: true },
      link: (node) => void nodes.push(node),
      linkReference: (node) => void nodes.push(node),
      definition: (node) => void nodes.push(node),
      heading(node, context) {
        const text: Heading = { type: 'heading', depth: node.depth, children: [{ type: 'text', value: context.textContent(node) }] };
        nodes.push(node.position ? { ...text, position: node.position } : text);
      },
      after(_tree, context) {
        const file = fileOf(context);
        for (const check of checks) check({ type: 'root', children: nodes }, file);
      },
    };
  };
}

/** Inline code that names a documented Python API becomes a link to its docs (see remark-python-api-links.ts). */
export function satteriPythonApiLinks({ lookup }: RemarkPythonApiLinksOptions): MdastPluginEntry {
  return () => {
    const links: ApiLink[] = [];
    return {
      name: 'python-api-links',
      options: { position: true },
      inlineCode(code, context) {
        let ancestor: Readonly<Nodes> | undefined = context.parent(code);
        while (ancestor !== undefined) {
          if (keepsCodePlain(ancestor as Nodes)) return;
          ancestor = context.parent(ancestor);
        }
        const change = apiLinkChange(code, lookup);
        if (change === undefined) return;
        context.replaceNode(code, change.replacement);
        if (change.link) links.push(change.link);
      },
      after(_tree, context) {
        recordApiLinks(links, fileOf(context));
      },
    };
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
