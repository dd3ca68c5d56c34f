/**
 * Where a Markdown file's frontmatter ends, by Astro's own rule: `extractFrontmatter` of
 * @astrojs/markdown-remark, the function behind its `parseFrontmatter`. Every reader of note files
 * (the raw-text checks, line numbers, reading time, the snippet check, the benchmark) splits here.
 */
import { extractFrontmatter } from '@astrojs/markdown-remark';

export interface FrontmatterSplit {
  /** The text between the fences, as Astro hands it to its YAML parser. */
  raw: string;
  /** 1-based line of the file on which `raw` starts (the opening fence's line). */
  fenceLine: number;
  /** The file with the frontmatter blanked to empty lines: a line of `body` is the same line of the file. */
  body: string;
  /** How many lines come before the text Astro renders for an .md file: it trims what follows the frontmatter. */
  linesBeforeMarkdown: number;
}

const lineCount = (text: string) => text.split('\n').length - 1;

/** The frontmatter block of a file and what follows it, or undefined when the file has none. */
export function splitFrontmatter(source: string): FrontmatterSplit | undefined {
  const raw = extractFrontmatter(source);
  if (raw === undefined) return undefined;
  // `raw` begins right after the opening fence, the first fence of the file.
  const opening = source.search(/---|\+\+\+/);
  const start = source.indexOf(raw, opening + 3);
  const end = start + raw.length + 3;
  const rest = source.slice(end);
  const blank = `${source.slice(0, start - 3).replace(/[^\r\n]/g, '')}${raw.replace(/[^\r\n]/g, '')}`;
  return {
    raw,
    fenceLine: lineCount(source.slice(0, start)) + 1,
    body: `${blank}${rest}`,
    linesBeforeMarkdown: lineCount(source.slice(0, end + (rest.length - rest.trimStart().length))),
  };
}

/** The file's text without its frontmatter's words, lines kept where they were. */
export const withoutFrontmatter = (source: string): string => splitFrontmatter(source)?.body ?? source;

/**
 * How many lines of the file come before the text the Markdown processor renders: Astro hands it
 * an .md note's body trimmed, and an .mdx note whole with its frontmatter blanked.
 */
export function linesBeforeBody(source: string, file: string): number {
  if (file.endsWith('.mdx')) return 0;
  return splitFrontmatter(source)?.linesBeforeMarkdown ?? 0;
}
