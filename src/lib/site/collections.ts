/** The site's queries over Astro's content collections; pages call these, never getCollection. */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { getCollection, getEntry, render, type CollectionEntry } from 'astro:content';
import { contentRoot } from '../content/root';
import { ContentError } from '../content/errors';
import { utf8Text } from '../content/text-files';
import { linkHealth, needsAttention, parseLinkStatusJson, type LinkStatusFile } from '../link-health/status';
import { publishedNotes } from '../notes/publishing';
import { buildReferenceIndex, referenceMatcher, referencesOfNote } from '../references/index-of-references';
import { isOutboundUrl } from '../references/urls';
import { notesByTag, notesWithTag, relatedNotes, tagSummaries } from '../notes/tags';
import { type CollectedLink, readPageData } from '../../plugins/page-data';
import { buildApiIndex } from '../references/api-index';
import { placesOfNote, resolvePaths } from '../notes/reading-paths';
import { releaseChanges } from '../python-docs/changes';
import { INVENTORY_FILE, loadInventory } from '../python-docs/inventory';

export type Note = CollectionEntry<'notes'>;
export type Tag = CollectionEntry<'tags'>;
export type Reference = CollectionEntry<'references'>;

/**
 * A build reads each collection once; `astro dev` reads it on every request so edits show up.
 * Every page of a large site asks for the notes, so this saves sorting them once per page.
 */
function oncePerBuild<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => {
    if (import.meta.env.DEV) return load();
    cached ??= load();
    return cached;
  };
}

/** Published notes, newest first; drafts too while running `astro dev`. */
export const getNotes = oncePerBuild(
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
const getTagIndex = oncePerBuild(async () => notesByTag(await getNotes()));

export const getReferences = oncePerBuild((): Promise<Reference[]> => getCollection('references'));

/** Which reference a URL belongs to, built once: every note page asks. */
export const getReferenceMatcher = oncePerBuild(async () => referenceMatcher(await getReferences()));

/** A rendered note: its content component, the headings Astro gave it and what the Markdown plugins recorded. */
export async function renderNote(note: Note) {
  const { Content, headings, remarkPluginFrontmatter } = await render(note);
  return { Content, headings, page: readPageData(remarkPluginFrontmatter, note.filePath ?? note.id) };
}

export type RenderedNote = { note: Note } & Awaited<ReturnType<typeof renderNote>>;

/** Every published note rendered, for the pages and the validation stage that need all of them. */
export const getRenderedNotes = oncePerBuild(
  async (): Promise<RenderedNote[]> =>
    Promise.all((await getNotes()).map(async (note) => ({ note, ...(await renderNote(note)) }))),
);

/** The outbound links among a note's links: the ones the References section lists. */
export const outboundLinksOf = (links: readonly CollectedLink[]): CollectedLink[] =>
  links.filter((link) => link.kind === 'link' && isOutboundUrl(link.url, import.meta.env.SITE));

/** The references a set of links cites, once each, in the order they are first cited. */
export async function getReferencesOf(links: readonly CollectedLink[]): Promise<Reference[]> {
  return referencesOfNote(
    await getReferenceMatcher(),
    outboundLinksOf(links).map((link) => link.url),
  );
}

/**
 * Every cited reference grouped by kind with the notes citing it, the uncited ones, and every
 * standard-library API the notes link to, by module.
 */
export const getReferenceIndex = oncePerBuild(async () => {
  const rendered = await getRenderedNotes();
  const citing = rendered.map(({ note, page }) => ({
    slug: note.id,
    title: note.data.title,
    urls: outboundLinksOf(page.links).map((link) => link.url),
  }));
  const apis = buildApiIndex(
    rendered.map(({ note, page }) => ({ slug: note.id, title: note.data.title, apiLinks: page.apiLinks })),
  );
  const index = buildReferenceIndex(await getReferences(), citing);
  const status = await getLinkStatus();
  const attention = index.groups
    .flatMap((group) => group.references)
    .filter(({ reference }) => needsAttention(linkHealth(reference.data.url, status)));
  return { ...index, apis, status, attention };
});

/** The last link check (content/link-status.json); none yet means every link shows as unchecked. */
export async function getLinkStatus(): Promise<LinkStatusFile> {
  const file = join(contentRoot(), 'link-status.json');
  const bytes = await readFile(file).catch(() => undefined);
  if (bytes === undefined) return { links: {} };
  const text = utf8Text(bytes, relative(process.cwd(), file));
  if (typeof text !== 'string') throw new ContentError([text]);
  return parseLinkStatusJson(text, relative(process.cwd(), file));
}

/**
 * The reading paths in the order of content/paths.yaml, each step with its note; steps naming no published note are
 * left out (the validation stage reports them).
 */
export const getReadingPaths = oncePerBuild(
  async () => resolvePaths(await getCollection('paths'), await getNotes()).paths,
);

export type ReadingPath = Awaited<ReturnType<typeof getReadingPaths>>[number];

/** Where a note sits in each path it is a step of. */
export async function getPlacesOfNote(note: Note) {
  return placesOfNote(await getReadingPaths(), note.id);
}

/** The concurrency APIs each release added, changed and deprecated, with the notes that name them. */
export const getReleaseChanges = oncePerBuild(async () => {
  const mentions = new Map<string, string[]>();
  for (const { note, page } of await getRenderedNotes()) {
    const names = new Set([
      ...page.apiLinks.map((api) => api.name),
      ...page.snippets.flatMap((snippet) => snippet.apis.map((api) => api.name)),
    ]);
    for (const name of names) mentions.set(name, [...(mentions.get(name) ?? []), note.id]);
  }
  return releaseChanges(loadInventory(INVENTORY_FILE), mentions);
});
