/**
 * Which snippet of an error entry reproduces which of its messages, and where each was seen. A
 * snippet reproduces a message when it runs, its output block holds a line with the message, and
 * it is held to the same Pythons (its `python=`, `until=` and `free-threaded` words say what the
 * message's versions say). The run records of those snippets are where the page's "Seen on" comes
 * from: nothing is claimed that no run showed.
 */
import type { CollectedSnippet } from '../content/page-data';
import { containsLine } from '../snippets/output-match';
import { compareLabels, type SnippetMarks } from '../snippets/records';
import type { ErrorMessage } from './messages';

/** The snippets that reproduce `message`, in the order of the entry. */
export function reproducersOf(message: ErrorMessage, snippets: readonly CollectedSnippet[]): CollectedSnippet[] {
  return snippets.filter(
    (snippet) =>
      snippet.run &&
      snippet.output !== undefined &&
      containsLine(snippet.output, message.message || (message.class ?? '')) &&
      snippet.python === message.python &&
      snippet.until === message.until &&
      (snippet.freeThreaded ?? false) === (message.freeThreaded ?? false),
  );
}

/** What a message's reproducing snippet must declare, for the message that says where one is missing. */
export function reproducerMeta(message: ErrorMessage): string {
  const words = [
    'python run',
    ...(message.python ? [`python=${message.python}`] : []),
    ...(message.until ? [`until=${message.until}`] : []),
    ...(message.freeThreaded ? ['free-threaded'] : []),
  ];
  return words.join(' ');
}

/** The interpreters, by label, whose run of a reproducing snippet printed its output: "3.11", "3.14t". */
export function seenOn(
  reproducers: readonly CollectedSnippet[],
  marksOf: (key: string) => SnippetMarks | undefined,
): string[] {
  const labels = new Set(reproducers.flatMap((snippet) => marksOf(snippet.key)?.ran ?? []));
  return [...labels].sort(compareLabels);
}
