/**
 * The error pages: everything an error entry's page shows besides its body (the message in each
 * version with where it was seen, the docs of its module and class, the notes to read next), and
 * the key under which an incremental build reuses the page, made from those very props.
 */
import { errorsByModule, messagesOf, shownMessage, versionRange } from '../errors/messages';
import { type ErrorPattern, messagePattern } from '../errors/pasted';
import { reproducersOf, seenOn } from '../errors/reproduction';
import { PLACEHOLDER } from '../snippets/output-match';
import { apiLookup, INVENTORY_FILE, loadInventory } from '../python-docs/inventory';
import {
  type ErrorEntry,
  getErrors,
  getNotes,
  getPageDataOf,
  getReferencesOf,
  getRenderedErrors,
  getSnippetMarks,
  type ListedNote,
} from './collections';
import { oncePerContentVersion } from './content-version';
import { getRenderInputs, type KeyedPageProps, keyedPages } from './keyed-pages';

const getApiLookup = oncePerContentVersion(async () => apiLookup(loadInventory(INVENTORY_FILE)));

/** Where the docs document a class as a traceback names it: `asyncio.queues.QueueFull` is `asyncio.QueueFull`. */
async function classDocs(name: string | undefined, module: string): Promise<string | undefined> {
  if (name === undefined) return undefined;
  const lookup = await getApiLookup();
  const last = name.split('.').pop() ?? name;
  return (lookup(name) ?? lookup(`${module}.${last}`) ?? lookup(last))?.url;
}

export async function getErrorPage(entry: ErrorEntry) {
  const page = await getPageDataOf(entry);
  const marks = await getSnippetMarks();
  const notes = new Map((await getNotes()).map((note) => [note.id, note]));
  const messages = await Promise.all(
    messagesOf(entry).map(async (message) => ({
      shown: shownMessage(message),
      message: message.message,
      ...(message.class === undefined ? {} : { class: message.class }),
      classUrl: await classDocs(message.class, entry.data.module),
      range: versionRange(message),
      seenOn: seenOn(reproducersOf(message, page.snippets), marks),
    })),
  );
  return {
    entry,
    renderInputs: await getRenderInputs(),
    headings: page.headings,
    messages,
    moduleUrl: (await getApiLookup())(entry.data.module)?.url,
    notes: entry.data.notes.flatMap((id): ListedNote[] => {
      const note = notes.get(id);
      return note ? [{ id: note.id, data: note.data }] : [];
    }),
    references: await getReferencesOf(page.links),
  };
}

export type ErrorPage = Awaited<ReturnType<typeof getErrorPage>>;

const errorPages = keyedPages(getErrorPage);

/** An error page's props: in a build, all it shows, which its key is made of; in `astro dev`, the entry alone. */
export type ErrorPageProps = KeyedPageProps<ErrorEntry, ErrorPage>;

/** Every error page's path, with its props and, in a build, its key. */
export const getErrorPaths = async () => errorPages.paths(await getErrors());

/** What an error page renders. */
export const errorPageOf = errorPages.pageOf;

/** Every published entry by module, each with where today's message was seen: the errors page. */
export const getErrorIndex = oncePerContentVersion(async () => {
  const marks = await getSnippetMarks();
  const rendered = new Map((await getRenderedErrors()).map(({ entry, page }) => [entry.id, page] as const));
  return errorsByModule(await getErrors()).map(({ module, entries }) => ({
    module,
    entries: entries.map((entry) => {
      const [today] = messagesOf(entry);
      const snippets = rendered.get(entry.id)?.snippets ?? [];
      return {
        id: entry.id,
        shown: shownMessage(entry.data),
        summary: entry.data.summary,
        seenOn: today === undefined ? [] : seenOn(reproducersOf(today, snippets), marks),
      };
    }),
  }));
});

/** What the search page matches a pasted message against: each entry's messages as patterns. */
export const getErrorPatterns = oncePerContentVersion(
  async (): Promise<ErrorPattern[]> =>
    (await getErrors()).map((entry) => {
      const messages = messagesOf(entry);
      return {
        slug: entry.id,
        title: shownMessage(entry.data),
        patterns: messages.map((message) => messagePattern(message.message, message.class)),
        weight: Math.max(...messages.map((message) => shownMessage(message).replaceAll(PLACEHOLDER, '').length)),
      };
    }),
);
