/** Tags with their note counts, the notes of a tag, and notes related by shared tags. */

export interface TagLike {
  id: string;
  data: { label: string; description: string };
}

export interface TaggedNote {
  id: string;
  data: { tags: ReadonlyArray<{ id: string }> };
}

export interface TagSummary<T extends TagLike> {
  tag: T;
  count: number;
}

export function tagIdsOf(note: TaggedNote): string[] {
  return note.data.tags.map((tag) => tag.id);
}

/** Notes carrying a tag, in the order given (callers pass notes already ordered). */
export function notesWithTag<N extends TaggedNote>(notes: readonly N[], tagId: string): N[] {
  return notes.filter((note) => tagIdsOf(note).includes(tagId));
}

/** Every tag with how many of `notes` carry it, by label; tags no note uses are kept with 0. */
export function tagSummaries<T extends TagLike>(tags: readonly T[], notes: readonly TaggedNote[]): TagSummary<T>[] {
  return tags
    .map((tag) => ({ tag, count: notesWithTag(notes, tag.id).length }))
    .sort((a, b) => a.tag.data.label.localeCompare(b.tag.data.label, 'en') || a.tag.id.localeCompare(b.tag.id, 'en'));
}

// Every note page asks for its related notes; the tag lists of all notes are read once per list.
const tagListCache = new WeakMap<readonly TaggedNote[], string[][]>();

/**
 * Notes sharing tags with `note`, most shared tags first; ties keep the given order
 * (newest first when callers pass published notes).
 */
export function relatedNotes<N extends TaggedNote>(note: N, notes: readonly N[], limit = 3): N[] {
  const own = new Set(tagIdsOf(note));
  const tagLists = tagListCache.get(notes) ?? notes.map(tagIdsOf);
  tagListCache.set(notes, tagLists);
  return notes
    .map((other, index) => ({ other, index, shared: other.id === note.id ? 0 : (tagLists[index] ?? []).filter((id) => own.has(id)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared || a.index - b.index)
    .slice(0, limit)
    .map(({ other }) => other);
}
