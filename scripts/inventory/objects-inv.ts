/** Reads a Sphinx `objects.inv` (version 2), the file docs.python.org publishes, into the site's Python inventory. */
import { inflateSync } from 'node:zlib';
import type { InventoryEntry, PythonInventory, VersionFacts } from '../../src/lib/python-docs/inventory';

const HEADER = '# Sphinx inventory version 2';
// `name domain:role priority uri dispname`. Names of terms and labels may contain spaces, so the
// match is anchored on `domain:role priority`, with Sphinx's own pattern (sphinx.util.inventory).
const LINE = /^(.+?)\s+(\S+?):(\S+)\s+(-?\d+)\s+?(\S*)\s+(.*)$/;

export interface ObjectsInvOptions {
  /** Where `uri`s are relative to; docs.python.org unless told. */
  base?: string;
  /** What the inventory was read from, kept in the JSON for whoever refreshes it. */
  source?: string;
}

/** The uri with `$` expanded to the name, split at `#`; undefined for whole pages (no anchor). */
function entryOf(uri: string, name: string): InventoryEntry | undefined {
  const expanded = uri.endsWith('$') ? `${uri.slice(0, -1)}${name}` : uri;
  const hash = expanded.indexOf('#');
  if (hash === -1) return undefined;
  return { page: expanded.slice(0, hash), anchor: expanded.slice(hash + 1) };
}

// Code-unit order, not localeCompare: the same file on every machine.
const sortedRecord = (entries: Map<string, InventoryEntry>): Record<string, InventoryEntry> =>
  Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The four header lines and where the compressed part starts. */
function readHeader(bytes: Buffer): { lines: string[]; end: number } {
  let end = 0;
  for (let line = 0; line < 4; line += 1) {
    const newline = bytes.indexOf(0x0a, end);
    if (newline === -1) throw new Error('not a Sphinx objects.inv: the file ends inside its four header lines');
    end = newline + 1;
  }
  return { lines: bytes.subarray(0, end).toString('utf8').split('\n'), end };
}

export function readObjectsInv(bytes: Buffer, options: ObjectsInvOptions = {}): PythonInventory {
  const header = readHeader(bytes);
  const [first = '', project = '', version = '', compression = ''] = header.lines;
  if (first !== HEADER)
    throw new Error(
      `not a Sphinx objects.inv version 2: the first line is "${first.slice(0, 80)}", expected "${HEADER}"`,
    );
  if (project !== '# Project: Python')
    throw new Error(`not the Python docs' inventory: the second line is "${project}", expected "# Project: Python"`);
  if (!compression.includes('zlib'))
    throw new Error('not a Sphinx objects.inv version 2: the fourth line does not announce zlib compression');
  let body: string;
  try {
    body = inflateSync(bytes.subarray(header.end)).toString('utf8');
  } catch (error) {
    throw new Error(
      `not a Sphinx objects.inv version 2: the part after the header is not zlib data (${(error as Error).message})`,
    );
  }

  const objects = new Map<string, InventoryEntry>();
  const modules = new Map<string, InventoryEntry>();
  const glossary = new Map<string, InventoryEntry>();
  const labels = new Map<string, InventoryEntry>();
  for (const line of body.split('\n')) {
    const match = LINE.exec(line.trimEnd());
    if (!match) continue;
    const [, name = '', domain, role = '', , uri = '', dispname = ''] = match;
    const entry = entryOf(uri, name);
    if (!entry) continue;
    if (domain === 'py' && role === 'module') modules.set(name, entry);
    else if (domain === 'py') objects.set(name, { ...entry, kind: role });
    // Sphinx stores terms lowercased; the display text keeps the docs' spelling (`BDFL`).
    else if (domain === 'std' && role === 'term') glossary.set(dispname === '-' ? name : dispname, entry);
    else if (domain === 'std' && role === 'label' && entry.page.endsWith('.html')) labels.set(name, entry);
  }
  return {
    python: /^# Version: (.*)$/.exec(version)?.[1]?.trim() ?? '',
    source: options.source ?? 'objects.inv',
    base: options.base ?? 'https://docs.python.org/3/',
    objects: sortedRecord(objects),
    modules: sortedRecord(modules),
    glossary: sortedRecord(glossary),
    labels: sortedRecord(labels),
  };
}

/** The inventory as the project stores it: fixed key order, one-space indents, a final newline. */
export function formatInventory(inventory: PythonInventory): string {
  const { python, source, base, objects, modules, glossary, labels } = inventory;
  return `${JSON.stringify({ python, source, base, objects, modules, glossary, labels }, null, 1)}\n`;
}

const VERSION_FIELDS = [
  'added',
  'changed',
  'deprecated',
  'deprecatedInPart',
  'removal',
  'removed',
] as const satisfies ReadonlyArray<keyof VersionFacts>;

/**
 * `fresh` (read from an objects.inv, which has no version facts) with the facts `previous` held
 * for every object and module that still exists; names gone from the docs lose theirs.
 */
export function keepVersionFacts(fresh: PythonInventory, previous: PythonInventory): PythonInventory {
  const carry = (entries: Record<string, InventoryEntry>, known: Record<string, InventoryEntry>) =>
    Object.fromEntries(
      Object.entries(entries).map(([name, entry]) => {
        const before = Object.hasOwn(known, name) ? known[name] : undefined;
        const facts = Object.fromEntries(
          VERSION_FIELDS.filter((field) => before?.[field] !== undefined).map((field) => [field, before?.[field]]),
        );
        return [name, { ...entry, ...facts }];
      }),
    );
  return { ...fresh, objects: carry(fresh.objects, previous.objects), modules: carry(fresh.modules, previous.modules) };
}
