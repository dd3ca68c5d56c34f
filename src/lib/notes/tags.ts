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

/**
 * For each tag, the positions in `notes` of the notes carrying it: built once, it makes related notes linear in the
 * notes.
 */
export function notesByTag(notes: readonly TaggedNote[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  notes.forEach((note, position) => {
    for (const tagId of new Set(tagIdsOf(note))) {
      const positions = index.get(tagId);
      if (positions) positions.push(position);
      else index.set(tagId, [position]);
    }
  });
  return index;
}

/**
 * Notes sharing tags with `note`, most shared tags first; ties keep the given order
 * (newest first when callers pass published notes). Only notes sharing a tag are looked at.
 */
export function relatedNotes<N extends TaggedNote>(
  note: N,
  notes: readonly N[],
  limit = 3,
  index = notesByTag(notes),
): N[] {
  const shared = new Map<number, number>();
  for (const tagId of new Set(tagIdsOf(note))) {
    for (const position of index.get(tagId) ?? []) {
      if (notes[position]?.id !== note.id) shared.set(position, (shared.get(position) ?? 0) + 1);
    }
  }
  return [...shared]
    .sort(([a, sharedA], [b, sharedB]) => sharedB - sharedA || a - b)
    .slice(0, limit)
    .map(([position]) => notes[position] as N);
}
