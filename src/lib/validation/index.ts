/**
 * The validation stage: after the content sync and before any page renders, the rules that span
 * collections run over the loaded data and what the Markdown plugins recorded, and every problem
 * they find stops the build at once. `src/middleware.ts` runs it ahead of every page, so
 * `npm run dev` shows problems in the terminal and the browser's error overlay too.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getCollection } from 'astro:content';
import {
  getCitedReferences,
  getLinkStatus,
  getNotes,
  getReferenceMatcher,
  getReferences,
  getReferencesOf,
  getRelatedNotes,
  getRenderedErrors,
  getRenderedNotes,
  type RenderedNote,
} from '../site/collections';
import { INVENTORY_FILE, loadInventory } from '../python-docs/inventory';
import { errorEntryProblems } from './error-rules';
import { errorUrl, LAYOUT_IDS, layoutIdsOf, noteUrl } from '../site/paths';
import { tableOfContents } from '../notes/reading';
import { contentRoot } from '../content/root';
import { oncePerContentVersion } from '../site/content-version';
import { ContentError, type ContentProblem } from '../content/errors';
import { yamlLineOf } from '../content/yaml-lines';
import { resolvePaths } from '../notes/reading-paths';
import { linesBeforeBody } from '../content/frontmatter';
import { formatUncited } from '../references/uncited';
import { linkFindings } from './link-rules';
import { pathProblem } from './path-rules';
import { referenceProblems } from './reference-rules';
import { snippetProblems } from './snippet-rules';
import { tagProblems } from './tag-rules';

const shown = (path: string) => relative(process.cwd(), path);

/** Reads a file only to point at a line, so only when there is a problem to report. */
function fileText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The note's file as authors see it, and a way to turn a line the plugins saw into a line of it. */
function noteFile(note: Pick<RenderedNote['note'], 'filePath' | 'id'>) {
  const path = note.filePath ?? note.id;
  let offset: number | undefined;
  return {
    file: shown(path),
    fileLine: (line: number) => {
      offset ??= linesBeforeBody(fileText(path), path);
      return line + offset;
    },
    fieldLine: (field: string) =>
      fileText(path)
        .split(/\r?\n/)
        .findIndex((text) => text.startsWith(`${field}:`)) + 1 || undefined,
  };
}

interface Findings {
  problems: ContentProblem[];
  warnings: string[];
}

async function findings(): Promise<Findings> {
  const root = contentRoot();
  // The link status is read here first, so a broken file stops the build before any page is written.
  const [rendered, errors, references, tags, paths] = await Promise.all([
    getRenderedNotes(),
    getRenderedErrors(),
    getReferences(),
    getCollection('tags'),
    getCollection('paths'),
    getLinkStatus(),
  ]);
  const tagIds = new Set(tags.map((tag) => tag.id));
  const referencesFile = join(root, 'references.yaml');
  const matchReference = await getReferenceMatcher();
  // The ids each note page carries: its headings, and the layout's sections that page renders.
  const anchors = new Map(
    await Promise.all(
      rendered.map(async ({ note, page }) => {
        const layout = layoutIdsOf({
          tableOfContents: tableOfContents(page.headings).length > 0,
          references: (await getReferencesOf(page.links)).length > 0,
          related: (await getRelatedNotes(note)).length > 0,
        });
        return [note.id, new Set([...page.headings.map((heading) => heading.id), ...layout])] as const;
      }),
    ),
  );
  const targets = {
    site: import.meta.env.SITE,
    anchors,
    // An error page carries its headings, the list of versions, and the layout's references and reading list.
    errorAnchors: new Map(
      await Promise.all(
        errors.map(async ({ entry, page }) => {
          const layout = layoutIdsOf({
            tableOfContents: false,
            references: (await getReferencesOf(page.links)).length > 0,
            related: entry.data.notes.length > 0,
          });
          const ids = [...page.headings.map((heading) => heading.id), LAYOUT_IDS.versions, ...layout];
          return [entry.id, new Set(ids)] as const;
        }),
      ),
    ),
    tagIds,
    isCatalogued: (url: string) => matchReference(url) !== undefined,
    catalogueFile: shown(referencesFile),
  };
  const problems: ContentProblem[] = [];
  const warnings: string[] = [];
  for (const { note, page } of rendered) {
    const { file, fileLine, fieldLine } = noteFile(note);
    const links = linkFindings({ page: noteUrl(note.id, '/'), file, links: page.links }, targets, fileLine);
    problems.push(
      ...tagProblems(
        note.data.tags.map((tag) => tag.id),
        tagIds,
        file,
        () => fieldLine('tags'),
      ),
    );
    problems.push(
      ...page.problems.map(({ line, message }) => ({
        file,
        ...(line === undefined ? {} : { line: fileLine(line) }),
        message,
      })),
    );
    problems.push(...links.problems);
    problems.push(...snippetProblems(page.snippets, note.data.python, file, fileLine));
    warnings.push(...links.warnings);
  }
  const errorTargets = {
    modules: new Set(Object.keys(loadInventory(INVENTORY_FILE).modules)),
    notes: new Set(rendered.map(({ note }) => note.id)),
  };
  for (const { entry, page } of errors) {
    const { file, fileLine, fieldLine } = noteFile(entry);
    const links = linkFindings({ page: errorUrl(entry.id, '/'), file, links: page.links }, targets, fileLine);
    problems.push(
      ...page.problems.map(({ line, message }) => ({
        file,
        ...(line === undefined ? {} : { line: fileLine(line) }),
        message,
      })),
      ...links.problems,
      ...snippetProblems(page.snippets, entry.data.python, file, fileLine),
      ...errorEntryProblems({ ...entry, file, snippets: page.snippets }, errorTargets, fieldLine),
    );
    warnings.push(...links.warnings);
  }
  const referencesText = () => fileText(referencesFile);
  problems.push(
    ...referenceProblems(references, shown(referencesFile), (id, field) => yamlLineOf(referencesText(), id, [field])),
  );
  const pathsFile = join(root, 'paths.yaml');
  const { problems: steps } = resolvePaths(paths, await getNotes());
  problems.push(
    ...steps.map((step) =>
      pathProblem(step, shown(pathsFile), (id, field) => yamlLineOf(fileText(pathsFile), id, field)),
    ),
  );
  const uncited = formatUncited((await getCitedReferences()).uncited);
  if (uncited) warnings.push(`[references] ${uncited}`);
  return { problems, warnings };
}

/**
 * Throws one ContentError listing every problem. The content is checked once per version of it: once in a build, and
 * in `astro dev` again after each edit.
 */
export const assertContentValid = oncePerContentVersion(async () => {
  const { problems, warnings } = await findings();
  for (const warning of warnings) console.warn(warning);
  if (problems.length > 0) throw new ContentError(problems);
});
