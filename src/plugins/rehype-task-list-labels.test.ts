import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { expect, it } from 'vitest';
import { rehypeTaskListLabels } from './rehype-task-list-labels';

const render = async (markdown: string) =>
  String(await unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeTaskListLabels).use(rehypeStringify).process(markdown));

it('labels each task-list checkbox with its state', async () => {
  const html = await render('- [x] written\n- [ ] reviewed\n');
  expect(html).toContain('<input type="checkbox" checked disabled aria-label="Done">');
  expect(html).toContain('<input type="checkbox" disabled aria-label="Not done">');
});

it('leaves other lists alone', async () => {
  expect(await render('- plain item\n')).not.toContain('aria-label');
});
