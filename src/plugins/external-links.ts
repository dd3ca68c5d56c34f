/**
 * Outbound links open nothing new but say they leave the site, to screen readers too: `rel`,
 * the `external` class next to the link's own (api-link, for one) and a visually hidden
 * "(external site)".
 */
import type { HastPluginDefinition } from 'satteri';
import { isOutboundUrl } from '../lib/references/links';

export const EXTERNAL_LINK_REL = ['noopener', 'noreferrer'];
export const EXTERNAL_SITE_TEXT = ' (external site)';

export function externalLinks(site: string): HastPluginDefinition {
  return {
    name: 'external-links',
    element: {
      filter: ['a'],
      visit(link, context) {
        if (!isOutboundUrl(String(link.properties['href'] ?? ''), site)) return;
        const own = link.properties['className'];
        context.setProperty(link, 'rel', EXTERNAL_LINK_REL);
        context.setProperty(link, 'className', [...(Array.isArray(own) ? own : []), 'external']);
        context.appendChild(link, {
          type: 'element',
          tagName: 'span',
          properties: { className: ['visually-hidden'] },
          children: [{ type: 'text', value: EXTERNAL_SITE_TEXT }],
        });
      },
    },
  };
}
