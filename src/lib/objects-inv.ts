/** Reads a Sphinx `objects.inv` (version 2), the file the Python docs publish, into our inventory. */
import { inflateSync } from 'node:zlib';
import type { InventoryEntry, PythonInventory } from './python-inventory';

const HEADER = '# Sphinx inventory version 2';
// `name domain:role priority uri dispname`; names may contain spaces, so anchor on the rest,
// as Sphinx's own reader does.
const LINE = /^(.+?)\s+(\S+):(\S+)\s+(-?\d+)\s+?(\S*)\s+(.*)$/;

function splitUri(uri: string, name: string): InventoryEntry | undefined {
  const expanded = uri.endsWith('$') ? `${uri.slice(0, -1)}${name}` : uri;
  const hash = expanded.indexOf('#');
  if (hash === -1) return undefined;
  return { page: expanded.slice(0, hash), anchor: expanded.slice(hash + 1) };
}

const sortedRecord = (entries: Map<string, InventoryEntry>) => Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export function readObjectsInv(bytes: Buffer, options: { base?: string; source?: string } = {}): PythonInventory {
  const headerEnd = (() => {
    let offset = 0;
    for (let line = 0; line < 4; line += 1) {
      const newline = bytes.indexOf(0x0a, offset);
      if (newline === -1) throw new Error('not a Sphinx objects.inv: the file ends inside its four header lines');
      offset = newline + 1;
    }
    return offset;
  })();
  const header = bytes.subarray(0, headerEnd).toString('utf8').split('\n');
  if (header[0] !== HEADER) throw new Error(`not a Sphinx objects.inv version 2: the first line is "${header[0] ?? ''}", expected "${HEADER}"`);
  if (!header[3]?.includes('zlib')) throw new Error('not a Sphinx objects.inv version 2: the fourth line does not announce zlib compression');
  const version = /^# Version: (.*)$/.exec(header[2] ?? '')?.[1]?.trim() ?? '';

  const objects = new Map<string, InventoryEntry>();
  const modules = new Map<string, InventoryEntry>();
  const glossary = new Map<string, InventoryEntry>();
  const labels = new Map<string, InventoryEntry>();
  for (const line of inflateSync(bytes.subarray(headerEnd)).toString('utf8').split('\n')) {
    const match = LINE.exec(line.trimEnd());
    if (!match) continue;
    const [, name = '', domain, role = '', , uri = '', dispname = ''] = match;
    const entry = splitUri(uri, name);
    if (!entry) continue;
    if (domain === 'py' && role === 'module') modules.set(name, entry);
    else if (domain === 'py') objects.set(name, { ...entry, kind: role });
    else if (domain === 'std' && role === 'term') glossary.set(dispname === '-' ? name : dispname, entry);
    else if (domain === 'std' && role === 'label' && entry.page.endsWith('.html')) labels.set(name, entry);
  }
  return {
    python: version,
    source: options.source ?? 'objects.inv',
    base: options.base ?? 'https://docs.python.org/3/',
    objects: sortedRecord(objects),
    modules: sortedRecord(modules),
    glossary: sortedRecord(glossary),
    labels: sortedRecord(labels),
  };
}
