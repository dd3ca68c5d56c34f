/**
 * "What changed, release by release": the concurrency APIs each Python release added, changed
 * and deprecated, read from the docs inventory's version facts, with the notes that name each.
 */
import type { InventoryEntry, PythonInventory } from './inventory';
import { compareVersions, featureRelease } from './versions';

/** The modules the page covers, submodules included (`multiprocessing.shared_memory`). */
export const CONCURRENCY_MODULES = [
  'asyncio',
  'concurrent.futures',
  'concurrent.interpreters',
  'threading',
  'multiprocessing',
  'queue',
  'contextvars',
  'selectors',
] as const;

/** The `sys` functions and flags that are about threads, the GIL, coroutines or attaching to a process. */
export const CONCURRENCY_SYS_NAMES = [
  'sys._is_gil_enabled',
  'sys._current_frames',
  'sys.abi_info.free_threaded',
  'sys.flags.gil',
  'sys.flags.thread_inherit_context',
  'sys.get_asyncgen_hooks',
  'sys.get_coroutine_origin_tracking_depth',
  'sys.getswitchinterval',
  'sys.remote_exec',
  'sys.set_asyncgen_hooks',
  'sys.set_coroutine_origin_tracking_depth',
  'sys.setswitchinterval',
  'sys.thread_info',
] as const;

/** The releases the page lists, newest first. */
export const CHANGE_RELEASES = ['3.15', '3.14', '3.13', '3.12', '3.11', '3.10', '3.9', '3.8'] as const;

export interface ChangedApi {
  name: string;
  url: string;
  kind: string;
  /** For a deprecation: the release the docs say it goes away in. */
  removal?: string;
  /** Slugs of the notes that name it, in the order given. */
  notes: string[];
  /** Added in one of the two newest releases, and no note names it yet. */
  uncovered: boolean;
}

export interface ReleaseChanges {
  release: string;
  added: ChangedApi[];
  changed: ChangedApi[];
  deprecated: ChangedApi[];
}

const inModules = (name: string) =>
  CONCURRENCY_MODULES.some((module) => name === module || name.startsWith(`${module}.`));

/**
 * Every covered API's changes by release. `mentions` maps an API's documented name to the
 * notes that name it (in their text or their snippets).
 */
export function releaseChanges(
  inventory: PythonInventory,
  mentions: ReadonlyMap<string, readonly string[]>,
): ReleaseChanges[] {
  const covered: Array<[string, InventoryEntry, string]> = [
    ...Object.entries(inventory.modules)
      .filter(([name]) => inModules(name))
      .map(([name, entry]): [string, InventoryEntry, string] => [name, entry, 'module']),
    ...Object.entries(inventory.objects)
      .filter(([name]) => inModules(name) || (CONCURRENCY_SYS_NAMES as readonly string[]).includes(name))
      .map(([name, entry]): [string, InventoryEntry, string] => [name, entry, entry.kind ?? 'object']),
  ].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const recent = new Set(CHANGE_RELEASES.slice(0, 2));
  const api = (name: string, entry: InventoryEntry, kind: string): ChangedApi => {
    const notes = [...(mentions.get(name) ?? [])];
    const added = entry.added === undefined ? undefined : featureRelease(entry.added);
    return {
      name,
      url: `${inventory.base}${entry.page}#${entry.anchor}`,
      kind,
      ...(entry.removal === undefined ? {} : { removal: featureRelease(entry.removal) }),
      notes,
      uncovered: notes.length === 0 && added !== undefined && recent.has(added as (typeof CHANGE_RELEASES)[number]),
    };
  };
  return CHANGE_RELEASES.map((release) => {
    const at = (version: string | undefined) =>
      version !== undefined && compareVersions(featureRelease(version), release) === 0;
    return {
      release,
      added: covered.filter(([, entry]) => at(entry.added)).map(([name, entry, kind]) => api(name, entry, kind)),
      changed: covered
        .filter(([, entry]) => (entry.changed ?? []).some((version) => at(version)))
        .map(([name, entry, kind]) => api(name, entry, kind)),
      deprecated: covered
        .filter(([, entry]) => at(entry.deprecated))
        .map(([name, entry, kind]) => api(name, entry, kind)),
    };
  });
}
