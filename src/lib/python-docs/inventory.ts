/** The Python docs inventory (content/python-inventory.json): which documented name lives at which page and anchor. */
import { readFileSync } from 'node:fs';
import { utf8Text } from '../content/text-files';
import { z } from 'astro/zod';
import { DOCS_VERSION } from './versions';
import { aliasTarget } from './aliases';

/**
 * The file is the docs' Sphinx inventory (`objects.inv`) as JSON plus what `objects.inv` lacks,
 * the version facts the docs state for each API, written by `npm run inventory` with every
 * section's keys sorted and one-space indents, so a refresh shows up as a readable diff:
 *
 *     { python, source, base,
 *       objects:  { "asyncio.TaskGroup": { page, anchor, kind: "class", added: "3.11" }, … },
 *       modules:  { "asyncio": { page, anchor }, … },
 *       glossary: { "global interpreter lock": { page, anchor }, … },   std:term, by display text
 *       labels:   { "asyncio-debug-mode": { page, anchor }, … } }       std:label inside a page
 *
 * `labels` links nothing itself; the content checks use it to verify hand-written docs anchors.
 */
/** What the docs say of an API's history; every field is optional (absent: the docs say nothing). */
export interface VersionFacts {
  /** "Added in version X.Y" of the object, or of the section that introduces it. */
  added?: string;
  /** Every "Changed in version X.Y", oldest first. */
  changed?: string[];
  /** The object as a whole is deprecated since X.Y. */
  deprecated?: string;
  /** Only a parameter or one way of calling it is deprecated; the object itself is fine. */
  deprecatedInPart?: string;
  /** The version the docs say a deprecated object will be removed in. */
  removal?: string;
  /** "Removed in version X.Y": documented as gone. */
  removed?: string;
}

export interface InventoryEntry extends VersionFacts {
  /** Relative to `base`, e.g. `library/asyncio-task.html`. */
  page: string;
  anchor: string;
  /** Objects only: the Sphinx role, e.g. class, function, method, attribute, data or exception. */
  kind?: string;
}

export interface PythonInventory {
  /** The Python release the docs describe, e.g. `3.15`. */
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
  /** The release that added it, or its module when the docs date only the module. */
  added?: string;
  /** Deprecated as a whole since this release (a deprecated parameter does not count). */
  deprecated?: string;
  /** The release the docs say a deprecated API goes away in. */
  removal?: string;
}

export type ApiLookup = (name: string) => ApiTarget | undefined;

/** Project data rather than content: every build, fixtures and benchmark included, links the same APIs. */
export const INVENTORY_FILE = './content/python-inventory.json';

export const INVENTORY_SECTIONS = ['objects', 'modules', 'glossary', 'labels'] as const;

const version = z.string().regex(DOCS_VERSION, 'must be a Python version such as "3.11" or "3.4.2"');
const located = {
  page: z.string({ error: 'is required: every entry has a page and an anchor' }),
  anchor: z.string({ error: 'is required: every entry has a page and an anchor' }),
};
const versionFacts = {
  added: version.optional(),
  changed: z.array(version).optional(),
  deprecated: version.optional(),
  deprecatedInPart: version.optional(),
  removal: version.optional(),
  removed: version.optional(),
};
const section = <T extends z.ZodType>(entry: T) =>
  z.record(z.string(), entry, { error: 'must be an object of name to {page, anchor}' });
const entryOf = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, { error: 'must be an object with a page and an anchor' });

const inventorySchema = z.strictObject(
  {
    python: z
      .string({ error: 'must be a string' })
      .regex(/^3\.\d{1,2}(?:\.\d+)?$/, 'must be a Python release such as "3.15"'),
    source: z.string({ error: 'must be a string' }),
    base: z.string({ error: 'must be a string' }).regex(/^https:\/\/.+\/$/, 'must be an https URL ending in /'),
    objects: section(
      entryOf({
        ...located,
        kind: z.string({ error: 'is required: the Sphinx role (class, function, method…)' }),
        ...versionFacts,
      }),
    ),
    modules: section(entryOf({ ...located, ...versionFacts })),
    glossary: section(entryOf(located)),
    labels: section(entryOf(located)),
  },
  { error: 'must be a JSON object' },
);

/** Checks the shape of inventory data; the error names the file and every field at fault. */
export function parseInventory(data: unknown, file: string): PythonInventory {
  const result = inventorySchema.safeParse(data);
  if (result.success) return result.data as PythonInventory;
  const problems = result.error.issues.slice(0, 10).map((issue) => {
    const field = issue.path.length === 0 ? '(root)' : issue.path.join('.');
    return `${file}: field "${field}" ${issue.message}`;
  });
  throw new Error(
    `${problems.join('\n')}\nRefresh the file with \`npm run inventory -- <objects.inv or python-inventory.json>\``,
  );
}

/** Reads and checks an inventory file; a broken file stops the build with its name in the message. */
export function loadInventory(file: string): PythonInventory {
  let data: unknown;
  try {
    const text = utf8Text(readFileSync(file), file);
    if (typeof text !== 'string') throw new Error(`line ${text.line}: ${text.message}`);
    data = JSON.parse(text);
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
    const home = moduleOf(name, inventory.modules);
    // Where an object has no "Added in" of its own, its module's is the floor.
    const added = entry.added ?? (Object.hasOwn(inventory.modules, home) ? inventory.modules[home]?.added : undefined);
    return {
      name,
      url: `${inventory.base}${entry.page}#${entry.anchor}`,
      kind: object?.kind ?? 'module',
      module: home,
      ...(added === undefined ? {} : { added }),
      ...(entry.deprecated === undefined ? {} : { deprecated: entry.deprecated }),
      ...(entry.removal === undefined ? {} : { removal: entry.removal }),
    };
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

/**
 * The documented object a docs URL points at, by its page and anchor, as an author who links the
 * docs by hand writes it: `https://docs.python.org/3/library/asyncio-eventloop.html#asyncio.loop.call_soon_threadsafe`.
 * Section and glossary anchors are not APIs; a URL of another host or version is nobody's.
 */
export function apiAtUrl(inventory: PythonInventory): (url: string) => ApiTarget | undefined {
  const lookup = apiLookup(inventory);
  const byAddress = new Map<string, string>();
  for (const section of ['objects', 'modules'] as const)
    for (const [name, entry] of Object.entries(inventory[section]))
      byAddress.set(`${entry.page}#${entry.anchor}`, name);
  return (url) => {
    if (!url.startsWith(inventory.base)) return undefined;
    const name = byAddress.get(url.slice(inventory.base.length));
    return name === undefined ? undefined : lookup(name);
  };
}
