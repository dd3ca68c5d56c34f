/** What a reader wants to know before starting a note: how long it takes and what it covers. */

const WORDS_PER_MINUTE = 220;
/** Code is read more slowly than prose; count each code word as this many words. */
const CODE_WEIGHT = 2;

/** Minutes to read a Markdown body, at least one. Frontmatter must already be stripped. */
export function readingMinutes(markdown: string): number {
  const fences = markdown.match(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm) ?? [];
  const prose = fences.reduce((text, fence) => text.replace(fence, ' '), markdown);
  const count = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  const words = count(prose) + CODE_WEIGHT * fences.reduce((sum, fence) => sum + count(fence), 0);
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

export interface TocEntry {
  slug: string;
  text: string;
  children: Array<{ slug: string; text: string }>;
}

/** The sections worth a table of contents (h2 with their h3), or none when there are fewer than `minimum`. */
export function tableOfContents(
  headings: ReadonlyArray<{ depth: number; id: string; text: string }>,
  minimum = 3,
): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const heading of headings) {
    if (heading.depth === 2) entries.push({ slug: heading.id, text: heading.text, children: [] });
    else if (heading.depth === 3) entries.at(-1)?.children.push({ slug: heading.id, text: heading.text });
  }
  return entries.length >= minimum ? entries : [];
}
