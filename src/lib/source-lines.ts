/** Turns line numbers in a note's body into line numbers in its file, frontmatter included. */
import { readFileSync } from 'node:fs';

interface SourceFile {
  path: string;
  value: unknown;
}

const offsets = new WeakMap<SourceFile, number>();

/**
 * How many lines precede the text a Markdown plugin sees. Astro hands plugins the body of an
 * `.md` note without its frontmatter (and the whole file of an `.mdx` one), so positions in
 * the tree are shifted by the frontmatter's lines; authors need the lines of the file.
 */
export function lineOffset(file: SourceFile): number {
  // Several plugins ask about the same file; it is read once.
  const known = offsets.get(file);
  if (known !== undefined) return known;
  const offset = offsetInSource(file);
  offsets.set(file, offset);
  return offset;
}

function offsetInSource(file: SourceFile): number {
  const text = String(file.value ?? '');
  if (text.startsWith('---') || !file.path) return 0;
  let source: string;
  try {
    source = readFileSync(file.path, 'utf8');
  } catch {
    return 0;
  }
  if (!source.startsWith('---')) return 0;
  const lines = source.split('\n');
  const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
  if (end === -1) return 0;
  // Astro keeps the body from the line after the closing `---`; blank lines it trims are counted too.
  const body = lines.slice(end + 1).join('\n');
  const trimmed = body.length - body.trimStart().length;
  const skipped = text.length > 0 && body.startsWith(text) ? 0 : body.slice(0, trimmed).split('\n').length - 1;
  return end + 1 + skipped;
}
