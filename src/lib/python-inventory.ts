/** The Python docs inventory (content/python-inventory.json): which documented name lives at which page and anchor. */
import { readFileSync } from 'node:fs';
import { aliasTarget } from './python-api-aliases';

/**
 * The file is the Sphinx `objects.inv` of docs.python.org as JSON, written by
 * `npm run inventory -- <objects.inv>` with every section's keys sorted and one-space indents,
 * so a refresh shows up as a readable diff:
 *
 *     { python, source, base,
 *       objects:  { "asyncio.TaskGroup": { page, anchor, kind: "class" }, … },   py:* roles but module
 *       modules:  { "asyncio": { page, anchor }, … },                             py:module
 *       glossary: { "global interpreter lock": { page, anchor }, … },             std:term, by display text
 *       labels:   { "asyncio-debug-mode": { page, anchor }, … } }                 std:label inside a page
 *
 * `labels` links nothing itself; the content checks use it to verify hand-written docs anchors.
 */
export interface InventoryEntry {
  /** Relative to `base`, e.g. `library/asyncio-task.html`. */
  page: string;
  anchor: string;
  /** Objects only: the Sphinx role, e.g. class, function, method, attribute, data or exception. */
  kind?: string;
}

export interface PythonInventory {
  /** The Python version the docs describe, e.g. `3.14.0`. */
  python: string;
  /** Where the data came from, for whoever refreshes it. */
  source: string;
  /** Where `page` paths are relative to, e.g. `https://docs.python.org/3/`. */
  base: string;
  objects: Record<string, InventoryEntry>;
  modules: Record<string, InventoryEntry>;
  glossary: Record<string, InventoryEntry>;
  labels: Record<string, InventoryEntry>;
}

export interface ApiTarget {
  /** The documented name, e.g. `asyncio.loop.run_in_executor` for `loop.run_in_executor`. */
  name: string;
  url: string;
  /** The Sphinx role of an object, or `module`. */
  kind: string;
  /** The module the name lives in, e.g. `asyncio`; `builtins` for `str.join` and the like. */
  module: string;
}

export type ApiLookup = (name: string) => ApiTarget | undefined;

export const INVENTORY_SECTIONS = ['objects', 'modules', 'glossary', 'labels'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Checks the shape of inventory data; the error names the file and the field. */
export function parseInventory(data: unknown, file: string): PythonInventory {
  const fail = (field: string, what: string): never => {
    throw new Error(`${file}: field "${field}" ${what}; refresh the file with \`npm run inventory -- <objects.inv>\``);
  };
  if (!isRecord(data)) return fail('(root)', 'must be a JSON object');
  for (const field of ['python', 'source', 'base'] as const) {
    if (typeof data[field] !== 'string') fail(field, 'must be a string');
  }
  if (!/^https:\/\/.+\/$/.test(String(data['base']))) fail('base', 'must be an https URL ending in /');
  for (const section of INVENTORY_SECTIONS) {
    const entries = data[section];
    if (!isRecord(entries)) return fail(section, 'must be an object of name to {page, anchor}');
    for (const [name, entry] of Object.entries(entries)) {
      const field = `${section}.${name}`;
      if (!isRecord(entry) || typeof entry['page'] !== 'string' || typeof entry['anchor'] !== 'string') fail(field, 'must have a page and an anchor');
      else if (section === 'objects' && typeof entry['kind'] !== 'string') fail(field, 'must have a kind (class, function, method…)');
    }
  }
  return data as unknown as PythonInventory;
}

/** Reads and checks an inventory file; a broken file stops the build with its name in the message. */
export function loadInventory(file: string): PythonInventory {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read the Python inventory: ${(error as Error).message}`);
  }
  return parseInventory(data, file);
}

/** The longest dotted prefix of `name` that is a documented module; names outside any module are builtins. */
function moduleOf(name: string, modules: Record<string, InventoryEntry>): string {
  const parts = name.split('.');
  for (let length = parts.length; length > 0; length -= 1) {
    const prefix = parts.slice(0, length).join('.');
    if (Object.hasOwn(modules, prefix)) return prefix;
  }
  return 'builtins';
}

/**
 * Looks up a documented object or module by its dotted name as an author writes it: the name
 * itself first, then its alias (`loop.run_in_executor` → `asyncio.loop.run_in_executor`).
 * Glossary terms and labels are not APIs and are never returned.
 */
export function apiLookup(inventory: PythonInventory): ApiLookup {
  const find = (name: string): ApiTarget | undefined => {
    const object = Object.hasOwn(inventory.objects, name) ? inventory.objects[name] : undefined;
    const module = Object.hasOwn(inventory.modules, name) ? inventory.modules[name] : undefined;
    const entry = object ?? module;
    if (!entry) return undefined;
    return { name, url: `${inventory.base}${entry.page}#${entry.anchor}`, kind: object?.kind ?? 'module', module: moduleOf(name, inventory.modules) };
  };
  // Notes name the same few APIs again and again: each name is looked up once.
  const known = new Map<string, ApiTarget | undefined>();
  return (name) => {
    if (known.has(name)) return known.get(name);
    const alias = aliasTarget(name);
    const target = find(name) ?? (alias === undefined ? undefined : find(alias));
    known.set(name, target);
    return target;
  };
}
