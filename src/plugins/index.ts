/**
 * The one registry of the notes' Markdown plugins, written in Sätteri's visitor form. Sätteri,
 * Astro's native Markdown processor, renders .md and .mdx notes alike (@astrojs/mdx takes
 * `markdown.processor`), so each plugin runs once, one way. Plugins collect what they see into the
 * page data (src/lib/content/page-data.ts) and enrich the HTML; none reads another file or decides
 * whether the site is valid: that is the validation stage's job (src/lib/validation/).
 */
import { satteri } from '@astrojs/markdown-satteri';
import type { HastPluginEntry, HastPluginList, MdastPluginEntry, MdastPluginList } from 'satteri';
import type { ApiLookup } from '../lib/python-docs/inventory';
import { apiLinks } from './api-links';
import { type CodeHighlightOptions, codeBlocks, codeHighlighter, type SnippetMarksLookup } from './code-highlighter';
import { collectLinks } from './collect-links';
import { externalLinks } from './external-links';
import { freeThreadedLegend } from './free-threaded-legend';
import { headingIds } from './heading-ids';
import { readingTime } from './reading-time';
import { snippetFacts } from './snippet-facts';
import { codeBlockTransformers } from './shiki-code-blocks';
import { taskListLabels } from './task-list-labels';

export interface NotePlugin {
  name: string;
  /** Runs on the Markdown tree, in registry order. */
  mdast?: MdastPluginEntry;
  /** Runs on the HTML tree, in registry order, after every mdast plugin. */
  hast?: HastPluginEntry;
  /** Part of what any Markdown site does, so the benchmark's plain baseline keeps it. */
  baseline?: boolean;
}

export interface NotePluginOptions {
  /** The site's own URL: links elsewhere are outbound. */
  site: string;
  /** Finds the docs anchor of an API name (src/lib/python-docs/inventory.ts). */
  lookup: ApiLookup;
  /** Shiki themes and language aliases of the code blocks. */
  code: Pick<CodeHighlightOptions, 'themes' | 'langAlias'>;
  /** The run marks of each snippet, from content/snippet-runs.json. */
  snippetMarks?: SnippetMarksLookup;
  /** Only what every Markdown site has: the benchmark's baseline. */
  plain?: boolean;
}

export function notePlugins({ site, lookup, code, snippetMarks, plain = false }: NotePluginOptions): NotePlugin[] {
  const highlight = codeHighlighter({ ...code, transformers: plain ? [] : codeBlockTransformers });
  const plugins: NotePlugin[] = [
    { name: 'reading-time', mdast: readingTime, baseline: true },
    { name: 'api-links', mdast: apiLinks(lookup) },
    { name: 'snippet-facts', mdast: snippetFacts(lookup) },
    // Links first, as the author wrote them: API links are told apart by their class, and no plugin has added any.
    { name: 'collect-links', hast: collectLinks },
    // Highlighting next, as in Astro's own pipeline: later plugins see the finished code blocks.
    { name: 'code-blocks', hast: codeBlocks(highlight, plain ? undefined : snippetMarks), baseline: true },
    { name: 'free-threaded-legend', hast: freeThreadedLegend },
    // Ids before any plugin adds text to a heading.
    { name: 'heading-ids', hast: headingIds, baseline: true },
    { name: 'task-list-labels', hast: taskListLabels, baseline: true },
    { name: 'external-links', hast: externalLinks(site) },
  ];
  return plain ? plugins.filter((plugin) => plugin.baseline) : plugins;
}

const present = <T>(entry: T | undefined): entry is T => entry !== undefined;

/** For `satteri({...})`: every note, .md and .mdx. */
export function forSatteri(plugins: readonly NotePlugin[]): {
  mdastPlugins: MdastPluginList;
  hastPlugins: HastPluginList;
} {
  return {
    mdastPlugins: plugins.map((plugin) => plugin.mdast).filter(present),
    hastPlugins: plugins.map((plugin) => plugin.hast).filter(present),
  };
}

/**
 * The Markdown processor of every note, .md and .mdx (`markdown.processor` in astro.config.mjs): Sätteri with GFM and
 * these plugins. Typographic quotes are written directly where they matter: no smart-punctuation pass runs.
 */
export function noteProcessor(plugins: {
  readonly mdastPlugins?: MdastPluginList;
  readonly hastPlugins?: HastPluginList;
}): ReturnType<typeof satteri> {
  return satteri({
    features: { gfm: true, smartPunctuation: false },
    mdastPlugins: [...(plugins.mdastPlugins ?? [])],
    hastPlugins: [...(plugins.hastPlugins ?? [])],
  });
}
