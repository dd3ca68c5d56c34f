/** The site's queries over Astro's content collections; pages call these, never getCollection. */
import { join, relative } from 'node:path';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { oncePerContentVersion } from './content-version';
import { contentRoot } from '../content/root';
import { LINK_STATUS_ENTRY } from '../link-health/loader';
import { linkHealth, needsAttention, parseLinkStatus, type LinkStatusFile } from '../link-health/status';
import { publishedNotes } from '../notes/publishing';
import {
  buildReferenceIndex,
  referenceMatcher,
  referencesByTopic,
  referencesOfNote,
} from '../references/index-of-references';
import { outboundLinks } from '../references/links';
import { notesByTag, notesWithTag, relatedNotes, tagSummaries } from '../notes/tags';
import { type CollectedLink, type NotePageData, readPageData } from '../content/page-data';
import { buildApiIndex, citedApis } from '../references/api-index';
import { placesOfNote, resolvePaths } from '../notes/reading-paths';
import { releaseChanges } from '../python-docs/changes';
import { apiAtUrl, INVENTORY_FILE, loadInventory } from '../python-docs/inventory';
import { readRenderingHtml, readRenderingPageData, renderingOf } from '../notes/renderings';
import { publishedErrors } from '../errors/messages';
import { marksLookup, readSnippetRecordsFile } from '../snippets/records';

export type Note = CollectionEntry<'notes'>;
export type ErrorEntry = CollectionEntry<'errors'>;
export type Tag = CollectionEntry<'tags'>;
export type Reference = CollectionEntry<'references'>;
/** A note as lists and other notes' pages show it. */
export type ListedNote = Pick<Note, 'id' | 'data'>;

/** Published notes, newest first; drafts too while running `astro dev`. */
export const getNotes = oncePerContentVersion(
  async (): Promise<Note[]> => publishedNotes(await getCollection('notes'), { includeDrafts: import.meta.env.DEV }),
);

export async function getTagSummaries() {
  return tagSummaries(await getCollection('tags'), await getNotes());
}

export async function getNotesOfTag(tagId: string): Promise<Note[]> {
  return notesWithTag(await getNotes(), tagId);
}

/** Other published notes sharing the most tags with this one. */
export async function getRelatedNotes(note: Note, limit = 3): Promise<Note[]> {
  return relatedNotes(note, await getNotes(), limit, await getTagIndex());
}

/** The tag entries of a note, in the order the note lists them. */
export async function getTagsOf(note: Note): Promise<Tag[]> {
  const tags = await Promise.all(note.data.tags.map((tag) => getEntry(tag)));
  return tags.filter((tag): tag is Tag => tag !== undefined);
}

/** The notes of each tag, indexed once: every note page asks for its related notes. */
const getTagIndex = oncePerContentVersion(async () => notesByTag(await getNotes()));

export const getReferences = oncePerContentVersion((): Promise<Reference[]> => getCollection('references'));

/** Which reference a URL belongs to, built once: every note page asks. */
export const getReferenceMatcher = oncePerContentVersion(async () => referenceMatcher(await getReferences()));

/**
 * What the Markdown plugins recorded about a note. A .md note's rendering is a file beside the
 * content store; an .mdx note, or one with images, is rendered by Astro.
 */
export async function getPageDataOf(note: Note | ErrorEntry): Promise<NotePageData> {
  const file = note.filePath ?? note.id;
  const rendering = renderingOf(note);
  return rendering === undefined
    ? readPageData((await render(note)).remarkPluginFrontmatter, file)
    : readRenderingPageData(rendering, file);
}

/** A note's body for its page: the HTML it rendered to, or the component Astro renders it with. */
export type NoteBody = { html: string } | { Content: Awaited<ReturnType<typeof render>>['Content'] };

export async function noteBody(note: Note | ErrorEntry): Promise<NoteBody> {
  const rendering = renderingOf(note);
  return rendering === undefined ? { Content: (await render(note)).Content } : { html: readRenderingHtml(rendering) };
}

let container: Promise<experimental_AstroContainer> | undefined;

/** A note's body as one HTML string, for the feed: an .mdx note's component is rendered to it. */
export async function noteBodyHtml(note: Note): Promise<string> {
  const body = await noteBody(note);
  if ('html' in body) return body.html;
  container ??= loadRenderers([getContainerRenderer()]).then((renderers) =>
    experimental_AstroContainer.create({ renderers }),
  );
  return (await container).renderToString(body.Content);
}

export interface RenderedNote {
  note: Note;
  page: NotePageData;
}

/** Every published note with what its rendering recorded, for the pages and the validation stage that need all. */
export const getRenderedNotes = oncePerContentVersion(
  async (): Promise<RenderedNote[]> =>
    Promise.all((await getNotes()).map(async (note) => ({ note, page: await getPageDataOf(note) }))),
);

/** Published error entries; drafts too while running `astro dev`. */
export const getErrors = oncePerContentVersion(
  async (): Promise<ErrorEntry[]> => publishedErrors(await getCollection('errors'), import.meta.env.DEV),
);

export interface RenderedError {
  entry: ErrorEntry;
  page: NotePageData;
}

/** Every published error entry with what its rendering recorded. */
export const getRenderedErrors = oncePerContentVersion(
  async (): Promise<RenderedError[]> =>
    Promise.all((await getErrors()).map(async (entry) => ({ entry, page: await getPageDataOf(entry) }))),
);

/** What each interpreter did with each snippet (content/snippet-runs.json), by the snippet's key. */
export const getSnippetMarks = oncePerContentVersion(async () =>
  marksLookup(readSnippetRecordsFile(join(contentRoot(), 'snippet-runs.json'))),
);

/** The outbound links among a note's links: the ones the References section lists. */
export const outboundLinksOf = (links: readonly CollectedLink[]): CollectedLink[] =>
  outboundLinks(links, import.meta.env.SITE);

/** The references a set of links cites, once each, in the order they are first cited. */
export async function getReferencesOf(links: readonly CollectedLink[]): Promise<Reference[]> {
  return referencesOfNote(
    await getReferenceMatcher(),
    outboundLinksOf(links).map((link) => link.url),
  );
}

/** Every cited reference grouped by kind with the notes citing it, and the ones no note cites. */
export const getCitedReferences = oncePerContentVersion(async () => {
  const citing = (await getRenderedNotes()).map(({ note, page }) => ({
    slug: note.id,
    title: note.data.title,
    urls: outboundLinksOf(page.links).map((link) => link.url),
  }));
  return buildReferenceIndex(await getReferences(), citing, await getReferenceMatcher());
});

/** The cited references narrowed to each tag, tags in the order of content/tags.yaml, with their entries. */
export const getReferenceTopics = oncePerContentVersion(async () => {
  const tags = await getCollection('tags');
  const tagsOfNote = new Map((await getNotes()).map((note) => [note.id, note.data.tags.map((tag) => tag.id)]));
  const topics = referencesByTopic(
    await getCitedReferences(),
    tagsOfNote,
    tags.map((tag) => tag.id),
  );
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  return topics.flatMap((topic) => {
    const tag = byId.get(topic.tagId);
    return tag ? [{ ...topic, tag }] : [];
  });
});

/** Every standard-library API the notes link to, by module. */
/** Finds the API a docs URL points at, from the inventory, once. */
const getApiAtUrl = oncePerContentVersion(async () => apiAtUrl(loadInventory(INVENTORY_FILE)));

const getApiIndex = oncePerContentVersion(async () => {
  const apiAt = await getApiAtUrl();
  return buildApiIndex(
    (await getRenderedNotes()).map(({ note, page }) => ({
      slug: note.id,
      title: note.data.title,
      apiLinks: citedApis(page, apiAt),
    })),
  );
});

/**
 * Every cited reference grouped by kind with the notes citing it, the uncited ones, every
 * standard-library API the notes link to, by module, and the last link check with the references
 * that need attention.
 */
export async function getReferenceIndex() {
  const index = await getCitedReferences();
  const status = await getLinkStatus();
  const attention = index.groups
    .flatMap((group) => group.references)
    .filter(({ reference }) => needsAttention(linkHealth(reference.data.url, status)));
  return { ...index, apis: await getApiIndex(), status, attention };
}

/**
 * The last link check (content/link-status.json, a collection its loader keeps in step with the
 * file); none yet means every link shows as unchecked.
 */
export const getLinkStatus = oncePerContentVersion(async (): Promise<LinkStatusFile> => {
  const entry = await getEntry('linkStatus', LINK_STATUS_ENTRY);
  return entry === undefined
    ? { links: {} }
    : parseLinkStatus(entry.data, relative(process.cwd(), join(contentRoot(), 'link-status.json')));
});

/**
 * The reading paths in the order of content/paths.yaml, each step with its note; steps naming no published note are
 * left out (the validation stage reports them).
 */
export const getReadingPaths = oncePerContentVersion(
  async () => resolvePaths(await getCollection('paths'), await getNotes()).paths,
);

export type ReadingPath = Awaited<ReturnType<typeof getReadingPaths>>[number];

/** Where a note sits in each path it is a step of. */
export async function getPlacesOfNote(note: Note) {
  return placesOfNote(await getReadingPaths(), note.id);
}

/** The concurrency APIs each release added, changed and deprecated, with the notes that name them. */
export const getReleaseChanges = oncePerContentVersion(async () => {
  const mentions = new Map<string, string[]>();
  const apiAt = await getApiAtUrl();
  for (const { note, page } of await getRenderedNotes()) {
    const names = new Set([
      ...citedApis(page, apiAt).map((api) => api.name),
      ...page.snippets.flatMap((snippet) => snippet.apis.map((api) => api.name)),
    ]);
    for (const name of names) {
      const notes = mentions.get(name);
      if (notes) notes.push(note.id);
      else mentions.set(name, [note.id]);
    }
  }
  return releaseChanges(loadInventory(INVENTORY_FILE), mentions);
});
