/**
 * Works out each note's reading time while it renders, from the text the processor reads, so the
 * content store need not keep every note's Markdown source for the layout to count its words.
 */
import type { MdastPluginDefinition } from 'satteri';
import { withoutFrontmatter } from '../lib/content/frontmatter';
import { readingMinutes } from '../lib/notes/reading';
import { pageData } from '../lib/content/page-data';

/** The minutes of a note's source; frontmatter, where the source still has it, is no reading. */
export function sourceReadingMinutes(source: string): number {
  return readingMinutes(withoutFrontmatter(source));
}

export const readingTime: MdastPluginDefinition = {
  name: 'reading-time',
  before(_tree, context) {
    pageData(context.data).readingMinutes = sourceReadingMinutes(context.source);
  },
};
