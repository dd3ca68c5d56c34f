/**
 * The validation stage as a function: every rule that spans collections, run over the loaded
 * collections and what the Markdown plugins recorded of each note and error entry, with no Astro in
 * it. `index.ts` gathers that data from Astro's collections and throws what this finds.
 */
import type { ContentProblem } from '../content/errors';
import { linesBeforeBody } from '../content/frontmatter';
import type { NotePageData } from '../content/page-data';
import { yamlLineOf } from '../content/yaml-lines';
import type { ErrorEntryData } from '../errors/messages';
import { tableOfContents } from '../notes/reading';
import { type PathLike, resolvePaths } from '../notes/reading-paths';
import { notesByTag, relatedNotes } from '../notes/tags';
import {
  buildReferenceIndex,
  type ReferenceLike,
  referenceMatcher,
  referencesOfNote,
} from '../references/index-of-references';
import { outboundLinks } from '../references/links';
import { formatUncited } from '../references/uncited';
import { errorUrl, LAYOUT_IDS, layoutIdsOf, noteUrl } from '../site/paths';
import { errorEntryProblems } from './error-rules';
import { linkFindings } from './link-rules';
import { pathProblem } from './path-rules';
import { referenceProblems } from './reference-rules';
import { snippetProblems } from './snippet-rules';
import { tagProblems } from './tag-rules';

/** A note as the stage reads it: its file, title, tags and declared Python. */
export interface NoteToValidate {
  id: string;
  filePath?: string | undefined;
  data: { title: string; tags: ReadonlyArray<{ id: string }>; python?: string | undefined };
}

/** An error entry as the stage reads it. */
export interface ErrorToValidate {
  id: string;
  filePath?: string | undefined;
  data: ErrorEntryData & { notes: readonly string[] };
}

export interface LoadedContent {
  /** The site's own URL: links to it are internal. */
  site: string;
  /** The published notes, newest first, each with what its rendering recorded. */
  notes: ReadonlyArray<{ note: NoteToValidate; page: NotePageData }>;
  /** The published error entries, each with what its rendering recorded. */
  errors: ReadonlyArray<{ entry: ErrorToValidate; page: NotePageData }>;
  references: readonly ReferenceLike[];
  tags: ReadonlyArray<{ id: string }>;
  paths: readonly PathLike[];
  /** The modules the docs inventory documents. */
  modules: ReadonlySet<string>;
  /** The data files, for the messages that point into them. */
  files: { references: string; paths: string };
  /** A file's text, read only to point at a line of it: only when there is a problem to report. */
  readText: (path: string) => string;
  /** A path as authors see it, relative to the project. */
  shown: (path: string) => string;
}

export interface Findings {
  /** What stops the build, each with its file and, where known, line and field. */
  problems: ContentProblem[];
  /** What the build log mentions and lets through. */
  warnings: string[];
}

/** The entry's file as authors see it, and a way to turn a line the plugins saw into a line of it. */
function entryFile(entry: { id: string; filePath?: string | undefined }, content: LoadedContent) {
  const path = entry.filePath ?? entry.id;
  let offset: number | undefined;
  return {
    file: content.shown(path),
    fileLine: (line: number) => {
      offset ??= linesBeforeBody(content.readText(path), path);
      return line + offset;
    },
    fieldLine: (field: string) =>
      content
        .readText(path)
        .split(/\r?\n/)
        .findIndex((text) => text.startsWith(`${field}:`)) + 1 || undefined,
  };
}

/** The problems a plugin recorded while rendering an entry, at lines of its file. */
const recordedProblems = (page: NotePageData, file: string, fileLine: (line: number) => number): ContentProblem[] =>
  page.problems.map(({ line, message }) => ({
    file,
    ...(line === undefined ? {} : { line: fileLine(line) }),
    message,
  }));

/** Every problem and warning of the content; the order is notes, error entries, references, paths. */
export function contentFindings(content: LoadedContent): Findings {
  const { site, notes, errors, references, paths } = content;
  const tagIds = new Set(content.tags.map((tag) => tag.id));
  const matchReference = referenceMatcher(references);
  const citesReferences = (page: NotePageData) =>
    referencesOfNote(
      matchReference,
      outboundLinks(page.links, site).map((link) => link.url),
    ).length > 0;
  const published = notes.map(({ note }) => note);
  const byTag = notesByTag(published);
  const targets = {
    site,
    // The ids each note page carries: its headings, and the layout's sections that page renders.
    anchors: new Map(
      notes.map(({ note, page }) => {
        const layout = layoutIdsOf({
          tableOfContents: tableOfContents(page.headings).length > 0,
          references: citesReferences(page),
          related: relatedNotes(note, published, 3, byTag).length > 0,
        });
        return [note.id, new Set([...page.headings.map((heading) => heading.id), ...layout])] as const;
      }),
    ),
    // An error page carries its headings, the list of versions, and the layout's references and reading list.
    errorAnchors: new Map(
      errors.map(({ entry, page }) => {
        const layout = layoutIdsOf({
          tableOfContents: false,
          references: citesReferences(page),
          related: entry.data.notes.length > 0,
        });
        return [
          entry.id,
          new Set([...page.headings.map((heading) => heading.id), LAYOUT_IDS.versions, ...layout]),
        ] as const;
      }),
    ),
    tagIds,
    isCatalogued: (url: string) => matchReference(url) !== undefined,
    catalogueFile: content.shown(content.files.references),
  };
  const problems: ContentProblem[] = [];
  const warnings: string[] = [];
  for (const { note, page } of notes) {
    const { file, fileLine, fieldLine } = entryFile(note, content);
    const links = linkFindings({ page: noteUrl(note.id, '/'), file, links: page.links }, targets, fileLine);
    problems.push(
      ...tagProblems(
        note.data.tags.map((tag) => tag.id),
        tagIds,
        file,
        () => fieldLine('tags'),
      ),
      ...recordedProblems(page, file, fileLine),
      ...links.problems,
      ...snippetProblems(page.snippets, note.data.python, file, fileLine),
    );
    warnings.push(...links.warnings);
  }
  const errorTargets = { modules: content.modules, notes: new Set(published.map((note) => note.id)) };
  for (const { entry, page } of errors) {
    const { file, fileLine, fieldLine } = entryFile(entry, content);
    const links = linkFindings({ page: errorUrl(entry.id, '/'), file, links: page.links }, targets, fileLine);
    problems.push(
      ...recordedProblems(page, file, fileLine),
      ...links.problems,
      ...snippetProblems(page.snippets, entry.data.python, file, fileLine),
      ...errorEntryProblems({ ...entry, file, snippets: page.snippets }, errorTargets, fieldLine),
    );
    warnings.push(...links.warnings);
  }
  const { references: referencesFile, paths: pathsFile } = content.files;
  problems.push(
    ...referenceProblems(references, content.shown(referencesFile), (id, field) =>
      yamlLineOf(content.readText(referencesFile), id, [field]),
    ),
    ...resolvePaths(paths, published).problems.map((step) =>
      pathProblem(step, content.shown(pathsFile), (id, field) => yamlLineOf(content.readText(pathsFile), id, field)),
    ),
  );
  const citing = notes.map(({ note, page }) => ({
    slug: note.id,
    title: note.data.title,
    urls: outboundLinks(page.links, site).map((link) => link.url),
  }));
  const uncited = formatUncited(buildReferenceIndex(references, citing, matchReference).uncited);
  if (uncited) warnings.push(`[references] ${uncited}`);
  return { problems, warnings };
}
