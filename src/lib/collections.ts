/** The site's queries over Astro's content collections; pages call these, never getCollection. */
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { publishedNotes } from './notes';
import { buildReferenceIndex, referencesOfNote } from './references';
import { notesWithTag, relatedNotes, tagSummaries } from './tags';
import type { OutboundLink } from '../plugins/remark-outbound-links';

export type Note = CollectionEntry<'notes'>;
export type Tag = CollectionEntry<'tags'>;
export type Reference = CollectionEntry<'references'>;

/** Published notes, newest first; drafts too while running `astro dev`. */
export async function getNotes(): Promise<Note[]> {
  return publishedNotes(await getCollection('notes'), { includeDrafts: import.meta.env.DEV });
}

export async function getTagSummaries() {
  return tagSummaries(await getCollection('tags'), await getNotes());
}

export async function getNotesOfTag(tagId: string): Promise<Note[]> {
  return notesWithTag(await getNotes(), tagId);
}

/** Other published notes sharing the most tags with this one. */
export async function getRelatedNotes(note: Note, limit = 3): Promise<Note[]> {
  return relatedNotes(note, await getNotes(), limit);
}

/** The tag entries of a note, in the order the note lists them. */
export async function getTagsOf(note: Note): Promise<Tag[]> {
  const tags = await Promise.all(note.data.tags.map((tag) => getEntry(tag)));
  return tags.filter((tag): tag is Tag => tag !== undefined);
}

export async function getReferences(): Promise<Reference[]> {
  return getCollection('references');
}

/** A rendered note: its content component, headings and what the Markdown plugins collected. */
export async function renderNote(note: Note) {
  const { Content, headings, remarkPluginFrontmatter } = await render(note);
  const outboundLinks = (remarkPluginFrontmatter['outboundLinks'] as OutboundLink[] | undefined) ?? [];
  return { Content, headings, outboundLinks };
}

/** The outbound links the Markdown pipeline collected from a note, in document order. */
export async function getOutboundLinks(note: Note): Promise<OutboundLink[]> {
  return (await renderNote(note)).outboundLinks;
}

/** The references a set of links cites, once each, in the order they are first cited. */
export async function getReferencesOf(links: readonly OutboundLink[]): Promise<Reference[]> {
  return referencesOfNote(await getReferences(), links.map((link) => link.url));
}

/** Every cited reference grouped by kind with the notes citing it, and the uncited ones. */
export async function getReferenceIndex() {
  const notes = await getNotes();
  const citing = await Promise.all(
    notes.map(async (note) => ({
      slug: note.id,
      title: note.data.title,
      urls: (await getOutboundLinks(note)).map((link) => link.url),
    })),
  );
  return buildReferenceIndex(await getReferences(), citing);
}
