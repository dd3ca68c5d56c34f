/**
 * Works out each note's reading time while it renders, from the text the processor reads, so the
 * content store need not keep every note's Markdown source for the layout to count its words.
 * The minutes reach pages as `remarkPluginFrontmatter.readingMinutes`.
 */
import type { MdastPluginDefinition } from 'satteri';
import type { VFile } from 'vfile';
import { readingMinutes } from '../lib/reading';

type AstroData = { astro?: { frontmatter?: Record<string, unknown> } };

/** The minutes of a note's source; an .mdx note arrives with its frontmatter, which is no reading. */
export function sourceReadingMinutes(source: string): number {
  return readingMinutes(source.replace(/^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/, ''));
}

function record(data: AstroData, source: string): void {
  const frontmatter = data.astro?.frontmatter;
  if (frontmatter) frontmatter['readingMinutes'] = sourceReadingMinutes(source);
}

/** For unified (the .mdx notes). */
export function remarkReadingTime() {
  return (_tree: unknown, file: VFile) => record(file.data as AstroData, String(file.value));
}

/** For Sätteri (the .md notes). */
export function satteriReadingTime(): MdastPluginDefinition {
  return {
    name: 'reading-time',
    before: (_tree, context) => record(context.data as AstroData, context.source),
  };
}
