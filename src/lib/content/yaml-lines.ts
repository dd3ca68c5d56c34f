/** Where an entry, or a field of it, sits in a YAML data file: the line an error message points authors at. */
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

const hasRange = (node: unknown): node is Node & { range: [number, number, number] } =>
  node !== null && typeof node === 'object' && Array.isArray((node as { range?: unknown }).range);

/**
 * The 1-based line of `field` (a path such as `['steps', 2, 'note']`) in the entry `id` of a YAML
 * file that is a list of `{ id, … }` or a map of id to entry. Falls back to the deepest part of
 * the path that exists, and to undefined when the entry is not there.
 */
export function yamlLineOf(text: string, id: string, field: ReadonlyArray<string | number> = []): number | undefined {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  const root = document.contents;
  let node: unknown;
  if (isSeq(root)) node = root.items.find((item) => isMap(item) && String(item.get('id')) === id);
  else if (isMap(root)) node = root.get(id, true);
  if (!hasRange(node)) return undefined;
  let found: Node & { range: [number, number, number] } = node;
  for (const key of field) {
    const next: unknown = isMap(found) || isSeq(found) ? found.get(key, true) : undefined;
    if (!hasRange(next)) break;
    found = next;
  }
  return lines.linePos(found.range[0]).line;
}
