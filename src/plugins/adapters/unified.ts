/**
 * Runs a plugin written for Sätteri (visitors by node type, edits through a context) as a
 * remark or rehype plugin, so each of the site's plugins is written once and serves both
 * Markdown processors: Sätteri for .md notes, unified for .mdx notes.
 *
 * The context offers what the site's plugins use: `data`, `source`, `fileURL`, `sourceFormat`,
 * `parent`, `indexOf`, `textContent`, `replaceNode`, `setProperty` and `appendChild`. As in
 * Sätteri, edits are applied once the walk is over, and a visitor may return a node to take
 * the visited one's place.
 */
import { pathToFileURL } from 'node:url';
import { toString as hastText } from 'hast-util-to-string';
import { toString as mdastText } from 'mdast-util-to-string';
import type {
  HastPluginDefinition,
  HastPluginEntry,
  MdastPluginDefinition,
  MdastPluginEntry,
  PluginFactoryContext,
} from 'satteri';
import type { VFile } from 'vfile';

interface TreeNode {
  type: string;
  tagName?: string;
  name?: string | null;
  children?: TreeNode[];
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}

type Phase = 'mdast' | 'hast';
type Visit = (node: TreeNode, context: unknown) => unknown;

function documentOf(file: VFile): PluginFactoryContext {
  return {
    fileURL: file.path ? pathToFileURL(file.path) : undefined,
    sourceFormat: file.path?.endsWith('.mdx') ? 'mdx' : 'markdown',
    source: String(file.value ?? ''),
    // The vfile's data is the document's data bag, as Sätteri's `data` is: Astro keeps `astro.frontmatter` there.
    data: file.data as unknown as PluginFactoryContext['data'],
  };
}

/** Sätteri's plugin entries may be factories, arrays or nothing; this one document's definitions. */
function definitionsOf<D>(entry: unknown, document: PluginFactoryContext): D[] {
  if (entry === null || entry === undefined || entry === false) return [];
  if (Array.isArray(entry)) return entry.flatMap((item) => definitionsOf<D>(item, document));
  if (typeof entry === 'function')
    return definitionsOf<D>((entry as (context: PluginFactoryContext) => unknown)(document), document);
  return [entry as D];
}

/** Every node under `tree` with its parent, in document order. */
function walk(tree: TreeNode): Array<{ node: TreeNode; parent: TreeNode | undefined }> {
  const nodes: Array<{ node: TreeNode; parent: TreeNode | undefined }> = [];
  const visit = (node: TreeNode, parent: TreeNode | undefined) => {
    nodes.push({ node, parent });
    for (const child of node.children ?? []) visit(child, node);
  };
  visit(tree, undefined);
  return nodes;
}

function contextFor(phase: Phase, tree: TreeNode, document: PluginFactoryContext) {
  const parents = new Map<TreeNode, TreeNode>();
  for (const { node, parent } of walk(tree)) if (parent) parents.set(node, parent);
  const edits: Array<() => void> = [];
  const replace = (node: TreeNode, replacement: TreeNode | TreeNode[]) =>
    edits.push(() => {
      const siblings = parents.get(node)?.children;
      const index = siblings?.indexOf(node) ?? -1;
      if (siblings && index !== -1) siblings.splice(index, 1, ...[replacement].flat());
    });
  const context = {
    ...document,
    parent: (node: TreeNode) => parents.get(node),
    indexOf: (node: TreeNode) => parents.get(node)?.children?.indexOf(node),
    textContent: (node: TreeNode, options?: { includeImageAlt?: boolean; includeHtml?: boolean }) =>
      phase === 'mdast' ? mdastText(node as never, options) : hastText(node as never),
    replaceNode: replace,
    setProperty: (node: TreeNode, key: string, value: unknown) =>
      edits.push(() => {
        if (phase === 'hast' && node.properties) node.properties[key] = value;
        else node[key] = value;
      }),
    appendChild: (node: TreeNode, child: TreeNode | TreeNode[]) =>
      edits.push(() => node.children?.push(...[child].flat())),
  };
  const apply = () => {
    for (const edit of edits.splice(0)) edit();
  };
  return { context, replace, apply };
}

/** The visitor a definition has for one node, if any: by node type, and for elements by tag (or component) name. */
function visitorFor(definition: Record<string, unknown>, node: TreeNode): Visit | undefined {
  const handler = definition[node.type];
  if (typeof handler === 'function') return handler as Visit;
  if (handler === undefined || handler === null) return undefined;
  const name = node.type === 'element' ? node.tagName : node.name;
  const filtered = [handler].flat() as Array<{ filter: string[]; visit: Visit }>;
  const matching = filtered.filter((visitor) => name !== undefined && name !== null && visitor.filter.includes(name));
  if (matching.length === 0) return undefined;
  return async (visited, context) => {
    let replacement: unknown;
    for (const visitor of matching) replacement = (await visitor.visit(visited, context)) ?? replacement;
    return replacement;
  };
}

async function run(
  phase: Phase,
  definition: MdastPluginDefinition | HastPluginDefinition,
  tree: TreeNode,
  document: PluginFactoryContext,
): Promise<void> {
  const { context, replace, apply } = contextFor(phase, tree, document);
  const hooks = definition as { before?: Visit; after?: Visit };
  await hooks.before?.(tree, context);
  apply();
  const visitors = definition as unknown as Record<string, unknown>;
  for (const { node } of walk(tree)) {
    const visit = visitorFor(visitors, node);
    if (!visit || node === tree) continue;
    const replacement = await visit(node, context);
    if (replacement !== undefined && replacement !== null) replace(node, replacement as TreeNode);
  }
  apply();
  await hooks.after?.(tree, context);
  apply();
}

/** A remark plugin that runs a Sätteri mdast plugin entry. */
export function remarkFromSatteri(entry: MdastPluginEntry) {
  return () => async (tree: unknown, file: VFile) => {
    const document = documentOf(file);
    for (const definition of definitionsOf<MdastPluginDefinition>(entry, document))
      await run('mdast', definition, tree as TreeNode, document);
  };
}

/** A rehype plugin that runs a Sätteri hast plugin entry. */
export function rehypeFromSatteri(entry: HastPluginEntry) {
  return () => async (tree: unknown, file: VFile) => {
    const document = documentOf(file);
    for (const definition of definitionsOf<HastPluginDefinition>(entry, document))
      await run('hast', definition, tree as TreeNode, document);
  };
}
