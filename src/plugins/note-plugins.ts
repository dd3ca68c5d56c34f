/**
 * The plugins every note goes through, listed once for both Markdown processors: Sätteri renders
 * the .md notes, unified (with remark-gfm) the .mdx ones. Both hold links to the site's rules,
 * collect outbound links, link Python API names and mark outbound links and task-list checkboxes.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import type { Element } from 'hast';
import rehypeExternalLinks from 'rehype-external-links';
import remarkGfm from 'remark-gfm';
import type { HastPluginList, MdastPluginList } from 'satteri';
import { isOutboundUrl } from '../lib/urls';
import { rehypeTaskListLabels } from './rehype-task-list-labels';
import { remarkLinkRules, type RemarkLinkRulesOptions } from './remark-link-rules';
import { remarkOutboundLinks, type RemarkOutboundLinksOptions } from './remark-outbound-links';
import { remarkPythonApiLinks, type RemarkPythonApiLinksOptions } from './remark-python-api-links';
import { type ExternalLinkOptions, satteriExternalLinks, satteriPythonApiLinks, satteriTaskListLabels, satteriTreeChecks } from './satteri-plugins';

export interface NotePluginOptions {
  /** The site's own URL: links elsewhere are outbound. */
  site: string;
  linkRules: RemarkLinkRulesOptions;
  outboundLinks: RemarkOutboundLinksOptions;
  apiLinks: RemarkPythonApiLinksOptions;
  /** Only what every Markdown site has (GFM, task-list labels): the benchmark's baseline. */
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

/** For `satteri({...})`: the plugins of the .md notes. */
export function satteriNotePlugins(options: NotePluginOptions): { mdastPlugins: MdastPluginList; hastPlugins: HastPluginList } {
  if (options.plain) return { mdastPlugins: [], hastPlugins: [satteriTaskListLabels()] };
  return {
    mdastPlugins: [
      satteriTreeChecks('link-checks', [remarkLinkRules(options.linkRules), remarkOutboundLinks(options.outboundLinks)]),
      // After the outbound-link collector: the links it makes point at the docs, not at references.
      satteriPythonApiLinks(options.apiLinks),
    ],
    hastPlugins: [satteriTaskListLabels(), satteriExternalLinks(externalLinkOptions(options.site))],
  };
}

/** For `unified({...})`: the plugins of the .mdx notes, GFM included. */
export function unifiedNotePlugins(options: NotePluginOptions): { remarkPlugins: RemarkPlugins; rehypePlugins: RehypePlugins } {
  if (options.plain) return { remarkPlugins: [remarkGfm], rehypePlugins: [rehypeTaskListLabels] };
  return {
    remarkPlugins: [
      remarkGfm,
      [remarkLinkRules, options.linkRules],
      [remarkOutboundLinks, options.outboundLinks],
      [remarkPythonApiLinks, options.apiLinks],
    ],
    rehypePlugins: [rehypeTaskListLabels, [rehypeExternalLinks, externalLinkOptions(options.site)]],
  };
}
