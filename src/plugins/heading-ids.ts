/**
 * Gives every heading its id (github-slugger over the heading's text, as Astro does) before any
 * other plugin adds text to it, and records the headings in the page data. Astro keeps an id a
 * heading already has, so the ids recorded here are the ids the page carries, and text a later
 * plugin adds (a version mark) never ends up in a heading's id or in the table of contents. The ids
 * the layout uses are taken before the first heading, so `## References` becomes `#references-1`.
 */
import GithubSlugger from 'github-slugger';
import type { HastPluginDefinition } from 'satteri';
import { pageData } from '../lib/content/page-data';
import { RESERVED_IDS } from '../lib/site/paths';

export const headingIds = (): HastPluginDefinition => {
  // A factory: ids are unique within one note, so each note starts a slugger of its own.
  const slugger = new GithubSlugger();
  for (const id of RESERVED_IDS) slugger.slug(id);
  return {
    name: 'heading-ids',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(heading, context) {
        const text = context.textContent(heading);
        const existing = heading.properties['id'];
        const id = typeof existing === 'string' ? existing : slugger.slug(text);
        if (typeof existing !== 'string') context.setProperty(heading, 'id', id);
        pageData(context.data).headings.push({ depth: Number(heading.tagName.slice(1)), id, text });
      },
    },
  };
};
