/** Names the read-only checkboxes of GFM task lists ("Done" / "Not done"), which screen readers otherwise announce without a label. */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

export const TASK_STATE_LABELS = { done: 'Done', open: 'Not done' } as const;

export function rehypeTaskListLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'input' || node.properties['type'] !== 'checkbox') return;
      node.properties['ariaLabel'] = node.properties['checked'] ? TASK_STATE_LABELS.done : TASK_STATE_LABELS.open;
    });
  };
}
