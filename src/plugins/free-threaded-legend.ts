/**
 * Says once per page what the "t" of a run mark such as "Ran on Python 3.14t" means: the first code
 * block whose mark names a free-threaded build gets a line of legend under its code.
 */
import type { Element, ElementContent } from 'hast';
import type { HastPluginDefinition } from 'satteri';
import { FREE_THREADED_LEGEND } from '../lib/snippets/records';

const hasClass = (node: Element, name: string) =>
  Array.isArray(node.properties['className']) && node.properties['className'].includes(name);

function namesFreeThreaded(node: ElementContent): boolean {
  if (node.type !== 'element') return false;
  return (node.tagName === 'abbr' && hasClass(node, 'free-threaded')) || node.children.some(namesFreeThreaded);
}

export const freeThreadedLegend = (): HastPluginDefinition => {
  // A factory: each page says it once.
  let said = false;
  return {
    name: 'free-threaded-legend',
    element: {
      filter: ['figure'],
      visit(figure, context) {
        if (said || !hasClass(figure, 'code-block') || !figure.children.some(namesFreeThreaded)) return;
        said = true;
        context.appendChild(figure, {
          type: 'element',
          tagName: 'p',
          properties: { className: ['code-block__legend'] },
          children: [{ type: 'text', value: FREE_THREADED_LEGEND }],
        });
      },
    },
  };
};
