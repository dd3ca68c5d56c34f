/**
 * Error entries as readers meet them: a message in the words Python prints, the versions that
 * print it, and the order the index lists them in. An entry's `message` is what 3.15 prints; its
 * `earlier` messages are what older versions printed instead.
 */
import { PLACEHOLDER } from '../snippets/output-match';
import { compareVersions } from '../python-docs/versions';

export interface ErrorMessage {
  message: string;
  class?: string | undefined;
  /** The first Python that prints it, when newer than the oldest the site supports. */
  python?: string | undefined;
  /** The last Python that prints it; none for the message of today. */
  until?: string | undefined;
  /** Only a free-threaded build prints it. */
  freeThreaded?: boolean;
}

export interface ErrorEntryData {
  message: string;
  class?: string | undefined;
  module: string;
  summary: string;
  python?: string | undefined;
  'free-threaded'?: true | undefined;
  earlier?:
    | ReadonlyArray<{ message: string; class?: string | undefined; python?: string | undefined; until: string }>
    | undefined;
  published: Date;
  draft: boolean;
}

export interface ErrorEntryLike {
  id: string;
  data: ErrorEntryData;
}

/**
 * The line a traceback ends with: `RuntimeError: …`, or the class alone for an exception without
 * text (`asyncio.queues.QueueFull`); a logged message stands alone.
 */
export const shownMessage = ({ message, class: name }: Pick<ErrorMessage, 'message' | 'class'>) =>
  name === undefined ? message : message === '' ? name : `${name}: ${message}`;

/** The message of today first, then the earlier ones, newest first. */
export function messagesOf({ data }: ErrorEntryLike): ErrorMessage[] {
  return [
    {
      message: data.message,
      class: data.class,
      python: data.python,
      ...(data['free-threaded'] ? { freeThreaded: true } : {}),
    },
    ...(data.earlier ?? []).map((earlier) => ({ ...earlier })).sort((a, b) => compareVersions(b.until, a.until)),
  ];
}

/** The Pythons that print a message, as a page says it: "3.12 to 3.13", "3.11 and older", "3.14 and newer". */
export function versionRange({ python, until, freeThreaded }: ErrorMessage): string {
  const build = freeThreaded ? ', free-threaded builds' : '';
  if (python !== undefined && until !== undefined)
    return `${python === until ? `Python ${python}` : `Python ${python} to ${until}`}${build}`;
  if (until !== undefined) return `Python ${until} and older${build}`;
  if (python !== undefined) return `Python ${python} and newer${build}`;
  return freeThreaded ? 'free-threaded builds' : 'every supported Python';
}

/** The modules readers look under first; any other module follows, by name. */
const MODULE_ORDER = ['asyncio', 'threading', 'multiprocessing', 'concurrent.futures', 'subprocess'];

const moduleRank = (module: string) => {
  const rank = MODULE_ORDER.indexOf(module);
  return rank === -1 ? MODULE_ORDER.length : rank;
};

/** Published entries; drafts too while writing. */
export function publishedErrors<T extends ErrorEntryLike>(entries: readonly T[], includeDrafts: boolean): T[] {
  return entries.filter((entry) => includeDrafts || !entry.data.draft);
}

/** Entries by module, the modules in reading order, each module's messages alphabetically, placeholders aside. */
export function errorsByModule<T extends ErrorEntryLike>(entries: readonly T[]): { module: string; entries: T[] }[] {
  const sortKey = (entry: T) => shownMessage(entry.data).replaceAll(PLACEHOLDER, '').toLowerCase();
  const modules = [...new Set(entries.map((entry) => entry.data.module))].sort(
    (a, b) => moduleRank(a) - moduleRank(b) || a.localeCompare(b, 'en'),
  );
  return modules.map((module) => ({
    module,
    entries: entries
      .filter((entry) => entry.data.module === module)
      .sort((a, b) => sortKey(a).localeCompare(sortKey(b), 'en') || a.id.localeCompare(b.id, 'en')),
  }));
}
