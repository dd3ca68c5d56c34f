/** Which notes are published, and the order readers see them in. */

export interface NoteLike {
  id: string;
  data: { title: string; published: Date; updated?: Date | undefined; draft: boolean };
}

export interface PublishOptions {
  /** Drafts are shown while writing (`astro dev`) and never in a build. */
  includeDrafts: boolean;
}

/** Newest first; notes published the same day fall back to title order so builds are stable. */
export function byNewest(a: NoteLike, b: NoteLike): number {
  return (
    b.data.published.getTime() - a.data.published.getTime() ||
    a.data.title.localeCompare(b.data.title, 'en') ||
    a.id.localeCompare(b.id, 'en')
  );
}

export function publishedNotes<T extends NoteLike>(notes: readonly T[], { includeDrafts }: PublishOptions): T[] {
  return notes.filter((note) => includeDrafts || !note.data.draft).sort(byNewest);
}
