/** The "API" part of the references index: every linked standard-library name by module, with its notes. */

/** What the docs say of an API's history (src/lib/python-docs/inventory.ts). */
interface Facts {
  added?: string | undefined;
  deprecated?: string | undefined;
  removal?: string | undefined;
}

export interface NoteApiLinks {
  slug: string;
  title: string;
  apiLinks: ReadonlyArray<{ name: string; url: string; module: string } & Facts>;
}

export interface IndexedApi extends Facts {
  name: string;
  url: string;
  citedBy: Array<{ slug: string; title: string }>;
}

export interface ApiModule {
  module: string;
  apis: IndexedApi[];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type CitedApi = NoteApiLinks['apiLinks'][number];

/**
 * Every API a page cites: the inline code linked to the docs, and the links an author wrote to an
 * API's own anchor (`apiAt` finds the API a docs URL points at), each once, in page order.
 */
export function citedApis(
  page: { apiLinks: readonly CitedApi[]; links: ReadonlyArray<{ url: string; kind: string }> },
  apiAt: (url: string) => CitedApi | undefined,
): CitedApi[] {
  const written = page.links
    .filter((link) => link.kind === 'link')
    .map((link) => apiAt(link.url))
    .filter((api): api is CitedApi => api !== undefined);
  const seen = new Set<string>();
  return [...page.apiLinks, ...written].filter((api) => !seen.has(api.name) && Boolean(seen.add(api.name)));
}

/** Modules in name order, each with its APIs in name order; notes in the order given, once each. */
export function buildApiIndex(notes: readonly NoteApiLinks[]): ApiModule[] {
  const apis = new Map<string, IndexedApi & { module: string }>();
  for (const note of notes) {
    // Each note once per API, however often it names it.
    const named = new Set<string>();
    for (const link of note.apiLinks) {
      const { line: _line, ...api } = { line: 0, ...link };
      const entry = apis.get(link.name) ?? { ...api, citedBy: [] };
      if (!named.has(link.name)) entry.citedBy.push({ slug: note.slug, title: note.title });
      named.add(link.name);
      apis.set(link.name, entry);
    }
  }
  const modules = new Map<string, IndexedApi[]>();
  for (const { module, ...api } of [...apis.values()].sort((a, b) => byName(a.name, b.name))) {
    modules.set(module, [...(modules.get(module) ?? []), api]);
  }
  return [...modules].sort(([a], [b]) => byName(a, b)).map(([module, entries]) => ({ module, apis: entries }));
}
