/**
 * Whether what a snippet printed matches its output block, where the block may stand `…` for
 * what changes from run to run: an address, a task's name, a path, a process id.
 *
 * - `…` inside a line stands for any text within that line, none included:
 *   `<Task pending name='…' coro=<main() running at …>>`.
 * - A line that is `…` alone stands for any number of whole lines, none included: the frames of a
 *   traceback, say.
 *
 * Everything else is compared exactly. The same pattern serves an error entry's message, so a
 * message is matched the way its reproducing snippet's output is.
 */

/** The one character that marks a variable part (U+2026 HORIZONTAL ELLIPSIS). */
export const PLACEHOLDER = '…';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The regular expression source of one line with placeholders, anchored by the caller. */
export function linePattern(line: string): string {
  return line.split(PLACEHOLDER).map(escapeRegExp).join('[^\\n]*?');
}

const lineRegExp = (line: string) => new RegExp(`^${linePattern(line)}$`, 'u');

/** Whether the lines of `actual` match the lines of `expected`, a `…` line standing for any number of lines. */
function linesMatch(expected: readonly string[], actual: readonly string[]): boolean {
  const patterns = expected.map((line) => (line === PLACEHOLDER ? undefined : lineRegExp(line)));
  // failed[i * (actual.length + 1) + j]: expected lines from i cannot match actual lines from j.
  const failed = new Uint8Array((expected.length + 1) * (actual.length + 1));
  const match = (i: number, j: number): boolean => {
    if (i === expected.length) return j === actual.length;
    const seen = i * (actual.length + 1) + j;
    if (failed[seen]) return false;
    const pattern = patterns[i];
    const ok =
      pattern === undefined
        ? match(i + 1, j) || (j < actual.length && match(i, j + 1))
        : j < actual.length && pattern.test(actual[j] ?? '') && match(i + 1, j + 1);
    if (!ok) failed[seen] = 1;
    return ok;
  };
  return match(0, 0);
}

/** Text as an output block shows it: `\n` line ends, and no final newline (print() writes one, Astro drops it). */
export const asShown = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\n$/, '');

/** Line ends and one final newline aside, does `actual` match the output block `expected`? */
export function outputMatches(expected: string, actual: string): boolean {
  const want = asShown(expected);
  const got = asShown(actual);
  return want.includes(PLACEHOLDER) ? linesMatch(want.split('\n'), got.split('\n')) : want === got;
}

/** Whether `text` holds a line that matches the one-line pattern `line` (an error message, say) anywhere in it. */
export function containsLine(text: string, line: string): boolean {
  return new RegExp(linePattern(line), 'u').test(text);
}
