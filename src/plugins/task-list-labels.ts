/**
 * Names the read-only checkboxes of GFM task lists ("Done" / "Not done"), which screen readers otherwise announce
 * without a label.
 */
import type { HastPluginDefinition } from 'satteri';

export const TASK_STATE_LABELS = { done: 'Done', open: 'Not done' } as const;

export const taskListLabels: HastPluginDefinition = {
  name: 'task-list-labels',
  element: {
    filter: ['input'],
    visit(input, context) {
      if (input.properties['type'] !== 'checkbox') return;
      context.setProperty(
        input,
        'ariaLabel',
        input.properties['checked'] ? TASK_STATE_LABELS.done : TASK_STATE_LABELS.open,
      );
    },
  },
};
