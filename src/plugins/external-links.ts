/**
 * Outbound links open nothing new and keep the referrer private (`rel`), and carry the `external`
 * class next to their own (api-link, for one), which the CSS draws as "↗" after the link. Their
 * names stay as written: the page footer says once what the arrow means, so a screen reader does
 * not hear "external site" after every link of a note that names twelve APIs.
 */
import type { HastPluginDefinition } from 'satteri';
import { isOutboundUrl } from '../lib/references/links';

export const EXTERNAL_LINK_REL = ['noopener', 'noreferrer'];
export const EXTERNAL_LINK_CLASS = 'external';

export function externalLinks(site: string): HastPluginDefinition {
  return {
    name: 'external-links',
    element: {
      filter: ['a'],
      visit(link, context) {
        if (!isOutboundUrl(String(link.properties['href'] ?? ''), site)) return;
        const own = link.properties['className'];
        context.setProperty(link, 'rel', EXTERNAL_LINK_REL);
        context.setProperty(link, 'className', [...(Array.isArray(own) ? own : []), EXTERNAL_LINK_CLASS]);
      },
    },
  };
}
