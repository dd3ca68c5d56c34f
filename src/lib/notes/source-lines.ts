/** Turns the line numbers Markdown plugins see into line numbers of the note file. */

/**
 * How many lines of the file come before the text the processor renders. Astro hands Sätteri an
 * .md note's body without its frontmatter and without the blank lines that start it; an .mdx
 * note reaches the processor whole.
 */
export function linesBeforeBody(source: string, file: string): number {
  if (file.endsWith('.mdx')) return 0;
  const lines = source.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return 0;
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end === -1) return 0;
  let first = end + 1;
  while (first < lines.length && (lines[first] ?? '').trim() === '') first += 1;
  return first;
}
