/**
 * The note pages: everything a note's page shows besides its body, and the key under which an
 * incremental build reuses the page while none of it changes. The key is made from the very
 * props the page renders, so nothing the page shows can change without changing the key.
 */
import { cacheKeyOf } from './cache-key';
import {
  getNotes,
  getPageDataOf,
  getPlacesOfNote,
  getReferencesOf,
  getRelatedNotes,
  getTagsOf,
  type ListedNote,
  type Note,
} from './collections';

/** Another note as a page shows it, by title and summary: editing its body leaves this page as it is. */
const listed = ({ id, data }: Note): ListedNote => ({ id, data });

/** What the page of `note` shows besides its body. */
export async function getNotePage(note: Note) {
  const page = await getPageDataOf(note);
  return {
    note,
    headings: page.headings,
    readingMinutes: page.readingMinutes,
    tags: await getTagsOf(note),
    related: (await getRelatedNotes(note)).map(listed),
    places: (await getPlacesOfNote(note)).map(({ previous, next, ...place }) => ({
      ...place,
      ...(previous ? { previous: listed(previous) } : {}),
      ...(next ? { next: listed(next) } : {}),
    })),
    references: await getReferencesOf(page.links),
  };
}

export type NotePage = Awaited<ReturnType<typeof getNotePage>>;

/**
 * Every note page's path. `astro dev` renders one page per request and reuses nothing, so only a
 * build spends the time to gather every page's props for its key.
 */
export async function getNotePaths() {
  return Promise.all(
    (await getNotes()).map(async (note) => ({
      params: { slug: note.id },
      props: { note },
      ...(import.meta.env.DEV ? {} : { cacheKey: cacheKeyOf(await getNotePage(note)) }),
    })),
  );
}
