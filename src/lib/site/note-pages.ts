/**
 * The note pages: everything a note's page shows, and the key under which an incremental build
 * reuses the page while none of it changes. In a build the page renders from the very object its
 * key is made of, so nothing the page shows can change without changing the key.
 */
import { getRenderInputs, type KeyedPageProps, keyedPages } from './keyed-pages';
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

/**
 * What the page of `note` shows. Its body is named by the note (its file's digest, and for a .md note the rendering it
 * was rendered to) and the render inputs: an .mdx note is rendered when its page is.
 */
export async function getNotePage(note: Note) {
  const page = await getPageDataOf(note);
  return {
    note,
    renderInputs: await getRenderInputs(),
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

const notePages = keyedPages(getNotePage);

/** A note page's props: in a build, all it shows, which its key is made of; in `astro dev`, the note alone. */
export type NotePageProps = KeyedPageProps<Note, NotePage>;

/** Every note page's path, with its props and, in a build, its key. */
export const getNotePaths = async () => notePages.paths(await getNotes());

/** What a note page renders. */
export const notePageOf = notePages.pageOf;
