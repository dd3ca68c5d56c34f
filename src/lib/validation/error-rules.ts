/**
 * The error-entry rules of the validation stage: each entry names a module of the Python docs and
 * published notes to read next, and every message it gives (today's and each earlier one) is
 * reproduced by a snippet of the entry that runs on the Pythons the message is for.
 */
import type { ContentProblem } from '../content/errors';
import { compareVersions } from '../python-docs/versions';
import { type ErrorEntryLike, messagesOf, shownMessage } from '../errors/messages';
import { reproducerMeta, reproducersOf } from '../errors/reproduction';
import type { CollectedSnippet } from '../content/page-data';

export interface ErrorEntryToCheck extends ErrorEntryLike {
  data: ErrorEntryLike['data'] & { notes: readonly string[] };
  /** The entry file as authors see it, e.g. `content/errors/event-loop-is-closed.md`. */
  file: string;
  snippets: readonly CollectedSnippet[];
}

export interface ErrorTargets {
  /** Modules the docs inventory documents. */
  modules: ReadonlySet<string>;
  /** Published notes by file name. */
  notes: ReadonlySet<string>;
}

export function errorEntryProblems(
  entry: ErrorEntryToCheck,
  targets: ErrorTargets,
  fieldLine: (field: string) => number | undefined = () => undefined,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = (field: string) => {
    const line = fieldLine(field);
    return { file: entry.file, ...(line === undefined ? {} : { line }), field };
  };
  if (!targets.modules.has(entry.data.module))
    problems.push({
      ...at('module'),
      message:
        `is "${entry.data.module}", which is no module of the Python docs: write the module as the docs name it, ` +
        'e.g. asyncio, concurrent.futures, multiprocessing',
    });
  for (const note of entry.data.notes) {
    if (!targets.notes.has(note))
      problems.push({
        ...at('notes'),
        message: `lists "${note}", which is no published note: use a file name of content/notes/, without .md`,
      });
  }
  messagesOf(entry).forEach((message, index) => {
    if (
      message.python !== undefined &&
      message.until !== undefined &&
      compareVersions(message.until, message.python) < 0
    )
      problems.push({
        ...at('earlier'),
        message: `gives "until: ${message.until}" before "python: ${message.python}"`,
      });
    if (reproducersOf(message, entry.snippets).length > 0) return;
    problems.push({
      ...at(index === 0 ? 'message' : 'earlier'),
      message:
        `"${shownMessage(message)}" is reproduced by no snippet: add a \`${reproducerMeta(message)}\` snippet ` +
        'whose output block holds the message (… for what changes from run to run)',
    });
  });
  return problems;
}
