/** The Python docs inventory: which documented name lives at which page and anchor of docs.python.org. */

export interface InventoryEntry {
  page: string;
  anchor: string;
  /** class, function, method, attribute, data or exception. */
  kind?: string;
}

export interface PythonInventory {
  /** The Python version the docs describe, e.g. `3.14.0`. */
  python: string;
  source: string;
  /** Where `page` paths are relative to, e.g. `https://docs.python.org/3/`. */
  base: string;
  objects: Record<string, InventoryEntry>;
  modules: Record<string, InventoryEntry>;
  glossary: Record<string, InventoryEntry>;
  labels: Record<string, InventoryEntry>;
}

export interface ApiTarget {
  /** The documented name, e.g. `asyncio.loop.run_in_executor`. */
  name: string;
  url: string;
  kind: string;
  /** The module the name belongs to, e.g. `asyncio`. */
  module: string;
}

const SECTIONS = ['objects', 'modules', 'glossary', 'labels'] as const;

/** Checks the shape of inventory data; the error names the file and the field. */
export function parseInventory(data: unknown, file: string): PythonInventory {
  const fail = (field: string, what: string): never => {
    throw new Error(`${file}: field "${field}" ${what}; refresh the file with \`npm run inventory -- <objects.inv>\``);
  };
  if (data === null || typeof data !== 'object') return fail('(root)', 'must be a JSON object');
  const record = data as Record<string, unknown>;
  for (const field of ['python', 'source', 'base'] as const) {
    if (typeof record[field] !== 'string') fail(field, 'must be a string');
  }
  if (!/^https:\/\/.+\/$/.test(record['base'] as string)) fail('base', 'must be an https URL ending in /');
  for (const section of SECTIONS) {
    const entries = record[section];
    if (entries === null || typeof entries !== 'object') return fail(section, 'must be an object of name to {page, anchor}');
    for (const [name, entry] of Object.entries(entries)) {
      const { page, anchor } = (entry ?? {}) as Partial<InventoryEntry>;
      if (typeof page !== 'string' || typeof anchor !== 'string') fail(`${section}.${name}`, 'must have a page and an anchor');
    }
  }
  return record as unknown as PythonInventory;
}

/** The longest dotted prefix of `name` that is a documented module. */
function moduleOf(name: string, modules: Record<string, InventoryEntry>): string {
  const parts = name.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const prefix = parts.slice(0, length).join('.');
    if (Object.hasOwn(modules, prefix)) return prefix;
  }
  return parts[0] ?? name;
}

/** Looks up a documented object or module by its full dotted name. */
export function apiLookup(inventory: PythonInventory): (name: string) => ApiTarget | undefined {
  return (name) => {
    const object = Object.hasOwn(inventory.objects, name) ? inventory.objects[name] : undefined;
    const module = object ? undefined : Object.hasOwn(inventory.modules, name) ? inventory.modules[name] : undefined;
    const entry = object ?? module;
    if (!entry) return undefined;
    return { name, url: `${inventory.base}${entry.page}#${entry.anchor}`, kind: object?.kind ?? 'module', module: moduleOf(name, inventory.modules) };
  };
}
