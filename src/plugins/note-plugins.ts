/**
 * The plugins every note goes through, listed once for both Markdown processors: Sätteri renders
 * the .md notes, unified (with remark-gfm) the .mdx ones. Both highlight code, time the reading,
 * hold links to the site's rules, collect outbound links, link Python API names and mark outbound
 * links and task-list checkboxes.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import type { Element } from 'hast';
import rehypeExternalLinks from 'rehype-external-links';
import remarkGfm from 'remark-gfm';
import { satteriHighlightPlugin } from '@astrojs/markdown-satteri';
import type { HastPluginList, MdastPluginList } from 'satteri';
import { isOutboundUrl } from '../lib/urls';
import { codeHighlighter, type CodeHighlightOptions, rehypeCodeHighlight, UNHIGHLIGHTED_LANGUAGES } from './code-highlighter';
import { rehypeTaskListLabels } from './rehype-task-list-labels';
import { remarkLinkRules, type RemarkLinkRulesOptions } from './remark-link-rules';
import { remarkOutboundLinks, type RemarkOutboundLinksOptions } from './remark-outbound-links';
import { remarkPythonApiLinks, type RemarkPythonApiLinksOptions } from './remark-python-api-links';
import { remarkReadingTime, satteriReadingTime } from './reading-time';
import { type ExternalLinkOptions, satteriExternalLinks, satteriLinkChecks, satteriPythonApiLinks, satteriTaskListLabels } from './satteri-plugins';
import { codeBlockTransformers } from './shiki-code-blocks';

export interface NotePluginOptions {
  /** The site's own URL: links elsewhere are outbound. */
  site: string;
  linkRules: RemarkLinkRulesOptions;
  outboundLinks: RemarkOutboundLinksOptions;
  apiLinks: RemarkPythonApiLinksOptions;
  /** Shiki themes and language aliases of the code blocks. */
  code: Pick<CodeHighlightOptions, 'themes' | 'langAlias'>;
  /** Only what every Markdown site has (GFM, highlighting, task-list labels) and the reading time the layout shows: the benchmark's baseline. */
  plain?: boolean;
}

/** Outbound links open nothing new but say they leave the site, to screen readers too. */
export function externalLinkOptions(site: string): ExternalLinkOptions {
  return {
    rel: ['noopener', 'noreferrer'],
    test: (link: Element) => isOutboundUrl(String(link.properties['href'] ?? ''), site),
    // Added to the link's own classes (api-link, for one), not in their place.
    properties: (link: Element) => ({ className: [...(Array.isArray(link.properties['className']) ? link.properties['className'] : []), 'external'] }),
    content: { type: 'text', value: ' (external site)' },
    contentProperties: { className: ['visually-hidden'] },
  };
}

export interface NotePlugins {
  /** For `satteri({...})`: the .md notes. */
  satteri: { mdastPlugins: MdastPluginList; hastPlugins: HastPluginList };
  /** For `unified({...})`: the .mdx notes, GFM included. */
  unified: { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins };
}

/** The plugins of both processors, sharing one highlighter. */
export function notePlugins(options: NotePluginOptions): NotePlugins {
  const highlight = codeHighlighter({ ...options.code, transformers: options.plain ? [] : codeBlockTransformers });
  // Highlighting comes first, as in Astro's own pipeline: later plugins see the finished code blocks.
  const satteriHighlight = satteriHighlightPlugin(highlight, UNHIGHLIGHTED_LANGUAGES);
  const unifiedHighlight: RehypePlugins[number] = [rehypeCodeHighlight, highlight];
  if (options.plain) {
    return {
      satteri: { mdastPlugins: [satteriReadingTime()], hastPlugins: [satteriHighlight, satteriTaskListLabels()] },
      unified: { remarkPlugins: [remarkGfm, remarkReadingTime], rehypePlugins: [unifiedHighlight, rehypeTaskListLabels] },
    };
  }
  return {
    satteri: {
      mdastPlugins: [
        satteriReadingTime(),
        satteriLinkChecks('link-checks', [remarkLinkRules(options.linkRules), remarkOutboundLinks(options.outboundLinks)]),
        // After the outbound-link collector: the links it makes point at the docs, not at references.
        satteriPythonApiLinks(options.apiLinks),
      ],
      hastPlugins: [satteriHighlight, satteriTaskListLabels(), satteriExternalLinks(externalLinkOptions(options.site))],
    },
    unified: {
      remarkPlugins: [
        remarkGfm,
        remarkReadingTime,
        [remarkLinkRules, options.linkRules],
        [remarkOutboundLinks, options.outboundLinks],
        [remarkPythonApiLinks, options.apiLinks],
      ],
      rehypePlugins: [unifiedHighlight, rehypeTaskListLabels, [rehypeExternalLinks, externalLinkOptions(options.site)]],
    },
  };
}
