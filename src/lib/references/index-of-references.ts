/** Joins the references catalogue with the links each note cites: the index and each note's list. */
import { REFERENCE_KINDS, type ReferenceKind } from './kinds';
import { normalizeUrl, referenceKeys } from './urls';

export interface ReferenceLike {
  id: string;
  data: { url: string; title: string; kind: ReferenceKind; year: number; replacedBy?: { id: string } | undefined };
}

export interface CitingNote {
  slug: string;
  title: string;
  /** URLs of the note's outbound links, in document order. */
  urls: readonly string[];
}

export interface IndexedReference<R extends ReferenceLike> {
  reference: R;
  /** Notes that link to the reference or into its page, in the order notes were given. */
  citedBy: Array<{ slug: string; title: string }>;
  /** The reference that supersedes this one, when it is marked `replacedBy`. */
  replacement?: R;
}

export interface ReferenceGroup<R extends ReferenceLike> {
  kind: ReferenceKind;
  references: Array<IndexedReference<R>>;
}

export interface ReferenceIndex<R extends ReferenceLike> {
  groups: Array<ReferenceGroup<R>>;
  /** References no note links to: kept out of the groups and reported to the author. */
  uncited: R[];
}

export type ReferenceMatcher<R> = (url: string) => R | undefined;

/**
 * Finds the reference a link belongs to: the exact URL first, then the page a fragment points
 * into. Building it parses every URL of the catalogue, so callers build it once and keep it.
 */
export function referenceMatcher<R extends { data: { url: string } }>(references: readonly R[]): ReferenceMatcher<R> {
  const byUrl = new Map(references.map((reference) => [normalizeUrl(reference.data.url), reference]));
  return (url) => {
    for (const key of referenceKeys(url)) {
      const reference = byUrl.get(key);
      if (reference) return reference;
    }
    return undefined;
  };
}

/** The references a note cites, once each, in the order it first cites them. */
export function referencesOfNote<R extends ReferenceLike>(match: ReferenceMatcher<R>, urls: readonly string[]): R[] {
  const cited = urls.map(match).filter((reference): reference is R => reference !== undefined);
  return [...new Set(cited)];
}

// One collator for every comparison: localeCompare with options builds one per call.
const titles = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const ids = new Intl.Collator('en');
const byTitle = (a: ReferenceLike, b: ReferenceLike) =>
  titles.compare(a.data.title, b.data.title) || ids.compare(a.id, b.id);

/** Every cited reference grouped by kind (official docs first, then by title), with its notes. */
export function buildReferenceIndex<R extends ReferenceLike>(
  references: readonly R[],
  notes: readonly CitingNote[],
  match: ReferenceMatcher<R> = referenceMatcher(references),
): ReferenceIndex<R> {
  const citedBy = new Map<R, Array<{ slug: string; title: string }>>(references.map((reference) => [reference, []]));
  for (const note of notes) {
    for (const reference of referencesOfNote(match, note.urls)) {
      citedBy.get(reference)?.push({ slug: note.slug, title: note.title });
    }
  }
  const byId = new Map(references.map((reference) => [reference.id, reference]));
  const cited = references.filter((reference) => (citedBy.get(reference)?.length ?? 0) > 0);
  const groups = REFERENCE_KINDS.map((kind) => ({
    kind,
    references: cited
      .filter((reference) => reference.data.kind === kind)
      .sort(byTitle)
      .map((reference) => {
        const replacement = reference.data.replacedBy && byId.get(reference.data.replacedBy.id);
        return { reference, citedBy: citedBy.get(reference) ?? [], ...(replacement ? { replacement } : {}) };
      }),
  })).filter((group) => group.references.length > 0);
  const uncited = references.filter((reference) => (citedBy.get(reference)?.length ?? 0) === 0).sort(byTitle);
  return { groups, uncited };
}

export interface ReferenceTopic<R extends ReferenceLike> {
  tagId: string;
  /** The references the tag's notes cite, grouped by kind as the index groups them. */
  groups: Array<ReferenceGroup<R>>;
}

/**
 * The index narrowed to each tag: the references cited by at least one note carrying it, in the
 * index's order. Tags come in `tagIds` order; a tag no cited reference falls under is left out.
 */
export function referencesByTopic<R extends ReferenceLike>(
  index: ReferenceIndex<R>,
  tagsOfNote: ReadonlyMap<string, readonly string[]>,
  tagIds: readonly string[],
): Array<ReferenceTopic<R>> {
  return tagIds
    .map((tagId) => ({
      tagId,
      groups: index.groups
        .map((group) => ({
          kind: group.kind,
          references: group.references.filter((entry) =>
            entry.citedBy.some((note) => tagsOfNote.get(note.slug)?.includes(tagId)),
          ),
        }))
        .filter((group) => group.references.length > 0),
    }))
    .filter((topic) => topic.groups.length > 0);
}
