/**
 * The project's Markdown plugins in the form Sätteri takes. Sätteri, Astro's native Markdown
 * processor, renders the .md notes. It hands plugins only the node types they ask for, and its
 * nodes change only through the context's edit methods: the checks read the nodes they need,
 * and the API links replace inline code through the context.
 */
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent, Properties } from 'hast';
import type { Nodes, Root, RootContent, Text } from 'mdast';
import type { HastPluginDefinition, MdastPluginEntry, MdastTarget, MdastVisitorContext, Position } from 'satteri';
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

/** Where a node starts and ends, when Sätteri recorded it. */
const at = (node: { position?: Position | undefined }) => (node.position ? { position: node.position } : {});

/**
 * Runs remark transformers that read links, definitions and headings (the link rules and the
 * outbound-link collector) on a tree of just those nodes, in document order, copied as plain
 * objects: links and headings with their text, so a link inside a heading is not met twice.
 */
export function satteriLinkChecks(name: string, checks: readonly TreeCheck[]): MdastPluginEntry {
  // A factory: Sätteri calls it once per document, so each note collects into a fresh list.
  return () => {
    const nodes: RootContent[] = [];
    const textOf = (node: Readonly<MdastTarget>, context: MdastVisitorContext): Text[] => [{ type: 'text', value: context.textContent(node, { includeImageAlt: true }) }];
    return {
      name,
      // Lines in error messages need node positions, which Sätteri leaves out unless a plugin asks.
      options: { position: true },
      link(node, context) {
        nodes.push({ type: 'link', url: node.url, children: textOf(node, context), ...at(node) });
      },
      linkReference(node, context) {
        const { identifier, label, referenceType } = node;
        nodes.push({ type: 'linkReference', identifier, label, referenceType, children: textOf(node, context), ...at(node) });
      },
      definition(node) {
        const { identifier, label, url } = node;
        nodes.push({ type: 'definition', identifier, label, url, ...at(node) });
      },
      heading(node, context) {
        nodes.push({ type: 'heading', depth: node.depth, children: textOf(node, context), ...at(node) });
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
        const change = apiLinkChange(code, lookup);
        if (change === undefined) return;
        // Most inline code names no API, so only a candidate pays for the walk up its ancestors.
        let ancestor: Readonly<Nodes> | undefined = context.parent(code);
        while (ancestor !== undefined) {
          if (keepsCodePlain(ancestor as Nodes)) return;
          ancestor = context.parent(ancestor);
        }
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
